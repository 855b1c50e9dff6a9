using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.EventLog;

namespace GroupWriteback.Agent.Hosting;

/// <summary>
/// One binary, three ways to run <c>run</c>: in a console, as a Windows service (service control manager
/// lifetime, logs to the Application event log) and as a systemd <c>Type=notify</c> unit (READY/STOPPING
/// notifications, journald-formatted console logs, watchdog pings). Each lifetime is used only when the process
/// was started by that service manager, so the console stays the default.
/// </summary>
internal static class AgentServiceHosting
{
    /// <summary>The Windows service name and the event log source the installer registers.</summary>
    public const string WindowsServiceName = "GroupWritebackAgent";

    /// <summary>Adds the Windows service and systemd lifetimes and the systemd watchdog.</summary>
    public static HostApplicationBuilder AddServiceHosting(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddWindowsService(o => o.ServiceName = WindowsServiceName);
        if (OperatingSystem.IsWindows())
        {
            // The installer registers this source; the service account may not create one itself.
            builder.Services.Configure<EventLogSettings>(UseInstalledSource);
            builder.Logging.AddFilter<EventLogLoggerProvider>(level => level >= LogLevel.Information);
        }

        builder.Services.AddSystemd();
        if (SystemdHelpers.IsSystemdService())
        {
            builder.Services.AddHostedService<SystemdWatchdog>();
        }

        return builder;
    }

    [SupportedOSPlatform("windows")]
    private static void UseInstalledSource(EventLogSettings settings)
    {
        settings.SourceName = WindowsServiceName;
        settings.LogName = "Application";
    }
}
