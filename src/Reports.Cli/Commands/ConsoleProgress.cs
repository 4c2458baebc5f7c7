using Reports.Sources;
using Spectre.Console;

namespace Reports.Cli.Commands;

/// <summary>
/// Collection progress on standard error: a live Spectre.Console bar on a terminal, and plain log
/// lines (one per stage, plus every quarter of the merge requests) when output is not a TTY, as in CI.
/// </summary>
internal static class ConsoleProgress
{
    /// <param name="brief">Plain lines only: the title alone, once, for a run that collects many windows.</param>
    public static async Task<T> RunAsync<T>(TextWriter error, string title, bool brief, Func<IProgress<CollectionProgress>, Task<T>> work)
    {
        if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            return await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                    return await work(new Progress<CollectionProgress>(p =>
                    {
                        task.Description = Markup.Escape($"{title}: {p.Stage}");
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }));
                });
        }

        if (brief)
        {
            error.WriteLine(title);
            return await work(new Progress<CollectionProgress>());
        }

        return await work(new PlainProgress(error, title));
    }

    /// <summary>Plain log lines only, for collections that run side by side (a course's teams), each line led by its title.</summary>
    public static IProgress<CollectionProgress> Plain(TextWriter error, string title) => new PlainProgress(error, title);

    /// <summary>Synchronous, so lines come out in order; quiet enough for a CI log.</summary>
    private sealed class PlainProgress(TextWriter error, string title) : IProgress<CollectionProgress>
    {
        private readonly Lock _gate = new();
        private string? _stage;
        private int _lastQuarter = -1;

        public void Report(CollectionProgress value)
        {
            lock (_gate)
            {
                var quarter = value.Total == 0 ? 4 : 4 * value.Done / value.Total;
                if (value.Stage == _stage && quarter == _lastQuarter)
                {
                    return;
                }

                _stage = value.Stage;
                _lastQuarter = quarter;
                error.WriteLine($"{title}: {value.Stage} {value.Done}/{value.Total}");
            }
        }
    }
}
