using Reports.Files;

namespace Reports.Site;

/// <summary>
/// Replaces a run's files in an output folder together: after any failure the folder holds the
/// whole old set or, once the journal is written, the whole new one (completed by the next run).
/// Every target is checked and every new file written beside its target and flushed to disk (in
/// the background, while later files are written); once all of them are on disk,
/// <c>.evidence-journal.json</c> records the renames, and only then is anything renamed. Files
/// this class did not write are never touched.
/// </summary>
internal sealed class SiteCommit
{
    private const int FlushBatch = 64;

    private readonly ISiteFileSystem _files;
    private bool _recovered;

    public SiteCommit(string outputDirectory, ISiteFileSystem? files = null)
    {
        OutputDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        _files = files ?? CommitPause.Wrap(new SiteFileSystem());
    }

    public string OutputDirectory { get; }

    private string JournalPath => Path.Combine(OutputDirectory, SiteJournal.FileName);

    /// <summary>
    /// Finishes the renames a killed run recorded in its journal, then removes temp files of ours
    /// left behind. Every writing run does this first; it is cheap when there is nothing to do.
    /// </summary>
    public void Recover()
    {
        if (_files.DirectoryExists(OutputDirectory))
        {
            if (_files.FileExists(JournalPath))
            {
                Complete(ReadJournal());
            }

            RemoveStrayTemps();
        }

        _recovered = true;
    }

    /// <summary>
    /// Writes <paramref name="files"/> under the output folder as one change. They are read one at a
    /// time, so a caller may render each as it is asked for and nothing holds the whole site in memory;
    /// an exception while producing them (a broken template) discards what was written and replaces
    /// nothing. Cancellation is honoured until the journal is written, and ignored after it: from then
    /// on the commit runs to its end.
    /// </summary>
    /// <returns>The absolute paths written, in the order given.</returns>
    public IReadOnlyList<string> Commit(IEnumerable<SiteFile> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        CheckOutputFolder();
        if (!_recovered)
        {
            Recover();
        }

        // A recovery counts for the one commit that follows it.
        _recovered = false;
        ct.ThrowIfCancellationRequested();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var created = new List<string>();
        var temps = new List<(string Temp, string Target)>();
        var flushes = new List<Task>();
        var current = JournalPath;
        try
        {
            CreateFolders(OutputDirectory, created);
            foreach (var file in files)
            {
                ct.ThrowIfCancellationRequested();
                current = Target(file, seen);
                CheckTarget(current);
                CreateFolders(Path.GetDirectoryName(current)!, created);
                // A secret read in this process never reaches a published file, even if a server echoed it into the data;
                // bytes (the notes' images, the student's own files) are copied as they are.
                temps.Add((file.Bytes is { } bytes ? _files.WriteTemp(current, bytes) : _files.WriteTemp(current, Secrets.Redact(file.Content)), current));
                if (temps.Count % FlushBatch == 0)
                {
                    flushes.Add(FlushInBackground(temps[^FlushBatch..]));
                }
            }

            ct.ThrowIfCancellationRequested();
            current = OutputDirectory;
            flushes.Add(FlushInBackground(temps[^(temps.Count % FlushBatch)..]));
            foreach (var flush in flushes)
            {
                flush.GetAwaiter().GetResult();
            }

            current = JournalPath;
            WriteJournal(temps);
        }
        catch (Exception e)
        {
            // No flush may still hold a temp file open while it is deleted; their failures no longer matter.
            Task.WaitAny([Task.WhenAll(flushes)]);
            Discard(temps, created);
            if (e is IOException or UnauthorizedAccessException)
            {
                throw new LocalFileException($"cannot write '{current}': {e.Message}; nothing in '{OutputDirectory}' was replaced", e);
            }

            throw;
        }

        // The journal is on disk: no token stops the renames now, and if the process dies the next run finishes them.
        Complete(temps);
        return [.. temps.Select(t => t.Target)];
    }

    // Temp files are flushed to disk a batch at a time while later ones are still being drawn, so the
    // disk's wait overlaps the work; the journal is written only once every flush has finished.
    private Task FlushInBackground(List<(string Temp, string Target)> batch) =>
        Task.Run(() => _files.FlushToDisk([.. batch.Select(t => t.Temp)]));

    private string Target(SiteFile file, HashSet<string> seen)
    {
        var segments = file.RelativePath.Split('/');
        if (Path.IsPathRooted(file.RelativePath) || segments.Any(s => s is "" or "." or ".." || s.Contains('\\', StringComparison.Ordinal))
            || file.RelativePath == SiteJournal.FileName || TempFile.IsOurs(segments[^1]))
        {
            throw new ArgumentException($"'{file.RelativePath}' is not a plain relative path inside the output folder", nameof(file));
        }

        if (!seen.Add(file.RelativePath))
        {
            throw new ArgumentException($"'{file.RelativePath}' is given twice", nameof(file));
        }

        return Path.Combine([OutputDirectory, .. segments]);
    }

    private void CheckOutputFolder()
    {
        for (var folder = OutputDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (_files.FileExists(folder))
            {
                // A local-file failure, not bad usage: the arguments parse, it is the disk that is in the way (and the path may come from evidence.yml's output:).
                var where = folder == OutputDirectory ? "it is a file" : $"'{folder}' is a file";
                throw new LocalFileException(
                    $"cannot write the site into '{OutputDirectory}': {where}, not a folder; give --out (or output: in evidence.yml) a folder, or move the file away");
            }

            if (_files.DirectoryExists(folder))
            {
                return;
            }
        }
    }

    private void CheckTarget(string target)
    {
        for (var folder = Path.GetDirectoryName(target)!; folder.Length > OutputDirectory.Length; folder = Path.GetDirectoryName(folder)!)
        {
            if (_files.FileExists(folder))
            {
                throw new LocalFileException($"cannot write '{target}': '{folder}' is a file where a folder must be; move it away and run again");
            }
        }

        if (_files.DirectoryExists(target))
        {
            throw new LocalFileException($"cannot write '{target}': a folder is in the way of this file; move it away and run again");
        }

        if (_files.FileExists(target) && _files.IsReadOnly(target))
        {
            throw new LocalFileException($"cannot replace '{target}': the file is read-only; clear its read-only flag and run again");
        }
    }

    private void CreateFolders(string folder, List<string> created)
    {
        var missing = new Stack<string>();
        for (var f = folder; !_files.DirectoryExists(f); f = Path.GetDirectoryName(f)!)
        {
            missing.Push(f);
        }

        while (missing.TryPop(out var f))
        {
            _files.CreateDirectory(f);
            created.Add(f);
        }
    }

    private void WriteJournal(List<(string Temp, string Target)> temps)
    {
        var temp = _files.WriteTemp(JournalPath, SiteJournal.For(OutputDirectory, temps).SerializeToUtf8());
        try
        {
            _files.FlushToDisk([temp]);

            // The commit point: before this rename nothing was replaced, after it everything will be.
            _files.Move(temp, JournalPath);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private IReadOnlyList<(string Temp, string Target)> ReadJournal()
    {
        string text;
        try
        {
            text = _files.ReadAllText(JournalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException($"cannot read '{JournalPath}', left by an interrupted run: {e.Message}", e);
        }

        return SiteJournal.Parse(OutputDirectory, text) ?? throw new LocalFileException(
            $"'{JournalPath}' is not a journal this version of evidence wrote; delete it and run again (files an interrupted run was replacing may be a mix of two runs)");
    }

    private void Complete(IReadOnlyList<(string Temp, string Target)> renames)
    {
        var current = JournalPath;
        try
        {
            foreach (var (temp, target) in renames)
            {
                current = target;

                // Gone means an earlier attempt already renamed it.
                if (_files.FileExists(temp))
                {
                    _files.Move(temp, target);
                }
            }

            current = JournalPath;
            _files.DeleteFile(JournalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException(
                $"cannot replace '{current}': {e.Message}; once that is fixed, the next run finishes the write recorded in '{JournalPath}'", e);
        }
    }

    private void RemoveStrayTemps()
    {
        foreach (var file in _files.EnumerateFiles(OutputDirectory).Where(f => TempFile.IsOurs(Path.GetFileName(f))).ToList())
        {
            TryDelete(file);

            // A folder that held nothing but our temp file was made by the run that died.
            for (var folder = Path.GetDirectoryName(file)!; folder.Length > OutputDirectory.Length && TryDeleteFolder(folder); folder = Path.GetDirectoryName(folder)!)
            {
            }
        }
    }

    private void Discard(List<(string Temp, string Target)> temps, List<string> created)
    {
        foreach (var (temp, _) in temps)
        {
            TryDelete(temp);
        }

        for (var i = created.Count - 1; i >= 0; i--)
        {
            TryDeleteFolder(created[i]);
        }
    }

    private bool TryDeleteFolder(string folder)
    {
        try
        {
            _files.DeleteDirectory(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not empty, so not ours alone to remove.
            return false;
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            _files.DeleteFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next run removes temp files of ours that are left over.
        }
    }
}
