using System.Reflection;
using GroupWriteback.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace GroupWriteback.Functions.Tests;

/// <summary>The app's <c>[Function]</c> methods as the host indexes them: by function name, with their trigger.</summary>
internal static class FunctionWrappers
{
    public static IReadOnlyList<MethodInfo> All { get; } =
    [
        .. typeof(AdminApiFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null),
    ];

    public static string Name(MethodInfo method) => method.GetCustomAttribute<FunctionAttribute>()!.Name;

    /// <summary>The wrappers whose trigger parameter carries <typeparamref name="TTrigger"/>.</summary>
    public static IReadOnlyList<MethodInfo> With<TTrigger>()
        where TTrigger : Attribute => [.. All.Where(m => Trigger<TTrigger>(m) is not null)];

    public static ParameterInfo? Trigger<TTrigger>(MethodInfo method)
        where TTrigger : Attribute => method.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<TTrigger>() is not null);

    /// <summary>Whether the host binds a Durable client for this function (and the middleware hands it on).</summary>
    public static bool BindsDurableClient(MethodInfo method) =>
        method.GetParameters().Any(p => p.GetCustomAttribute<DurableClientAttribute>() is not null);

    public static MethodInfo Named(string name) => Assert.Single(All, m => Name(m) == name);
}
