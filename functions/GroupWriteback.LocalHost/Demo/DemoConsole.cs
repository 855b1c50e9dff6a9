using System.Diagnostics;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>The demo's narration: numbered steps with their duration, indented details, one overwritten progress line.</summary>
internal sealed class DemoConsole(TextWriter output)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private int _step;

    public TextWriter Output => output;

    public async Task<T> StepAsync<T>(string title, Func<Task<T>> work)
    {
        output.WriteLine($"[{++_step}] {title}");
        var watch = Stopwatch.StartNew();
        var result = await work();
        output.WriteLine($"    done in {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    public Task StepAsync(string title, Func<Task> work) => StepAsync(title, async () =>
    {
        await work();
        return true;
    });

    public void Detail(string text) => output.WriteLine("    " + text);

    /// <summary>Rewrites one line on a terminal; writes a new line each time otherwise (logs stay readable).</summary>
    public void Progress(string text)
    {
        if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out))
        {
            output.WriteLine("    " + text);
        }
        else
        {
            output.Write("\r    " + text.PadRight(70));
        }
    }

    public void EndProgress()
    {
        if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
        {
            output.WriteLine();
        }
    }

    public void Finished(bool success) =>
        output.WriteLine(success ? $"Demo finished in {_total.Elapsed.TotalMinutes:F1} minutes." : "Demo finished with failures (see above).");
}
