using System.Diagnostics;
using System.Threading.Channels;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence render --watch</c>: after the first render, renders the week again whenever a watched file
/// changes (the notes and the images beside them, the snapshot, the template overrides), until Ctrl+C.
/// Reading a snapshot needs no network, so a change shows on the page in a fraction of a second.
/// </summary>
/// <param name="files">Files whose change renders again (the snapshot).</param>
/// <param name="folders">Folders any change in which renders again (the notes' folder, the template overrides); they need not exist yet.</param>
/// <param name="render">Reads everything again and writes the site; returns the paths written.</param>
internal sealed class RenderWatch(IReadOnlyList<string> files, IReadOnlyList<string> folders, string outputFolder, Func<CancellationToken, IReadOnlyList<string>> render)
{
    /// <summary>How long to wait for more changes after the first: an editor's save is often a burst (temp file, rename, touch).</summary>
    internal static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(60);

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Watches until <paramref name="ct"/> is cancelled, then returns; a failed render is reported and the watch goes on.</summary>
    public async Task RunAsync(TextWriter stdout, TextWriter stderr, string page, CancellationToken ct)
    {
        using var watchers = new Watchers([
            .. files.Select(f => Watch(Path.GetDirectoryName(f)!, recursive: false, path => path == f)),
            .. folders.Select(f => Watch(Existing(f), recursive: true, path => path == f || LocalPaths.IsInside(f, path))),
        ]);
        await stdout.WriteLineAsync($"watching {string.Join(", ", files.Concat(folders))} for changes (Ctrl+C to stop); the page: {new Uri(page).AbsoluteUri}");
        await stdout.FlushAsync(ct);
        try
        {
            while (await _changes.Reader.WaitToReadAsync(ct))
            {
                await Task.Delay(Settle, ct);
                var changed = new List<string>();
                while (_changes.Reader.TryRead(out var path))
                {
                    changed.Add(path);
                }

                var clock = Stopwatch.StartNew();
                try
                {
                    var written = render(ct);
                    await stdout.WriteLineAsync($"rendered in {clock.ElapsedMilliseconds} ms after a change to {Path.GetFileName(changed[^1])}: {written.FirstOrDefault(IsPage) ?? page}");
                }
                catch (EvidenceException e)
                {
                    await stderr.WriteLineAsync(ErrorLine.Format(e.Message) + " (still watching)");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A file in the middle of being saved: the save that completes it brings another change.
                    await stderr.WriteLineAsync(ErrorLine.Format(e.Message) + " (still watching)");
                }

                await stdout.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await stdout.WriteLineAsync("stopped watching");
        }
    }

    /// <summary>The week's own page among the paths a render wrote: its HTML, or its Hugo bundle's index.md.</summary>
    public static bool IsPage(string path) =>
        Path.GetFileName(path) is "index.html" or "index.md" && Path.GetFileName(Path.GetDirectoryName(path)) is { } folder && folder.Contains("-", StringComparison.Ordinal);

    /// <summary>The folder itself, or the nearest one above it that exists (a notes folder not made yet).</summary>
    private static string Existing(string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        return existing;
    }

    private FileSystemWatcher Watch(string folder, bool recursive, Func<string, bool> matters)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        void Changed(string path)
        {
            // The site's own writes must not start another render.
            var full = Path.GetFullPath(path);
            if (matters(full) && full != outputFolder && !LocalPaths.IsInside(outputFolder, full))
            {
                _changes.Writer.TryWrite(full);
            }
        }

        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) => Changed(e.FullPath);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private sealed class Watchers(IReadOnlyList<FileSystemWatcher> watchers) : IDisposable
    {
        public void Dispose()
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }
}
