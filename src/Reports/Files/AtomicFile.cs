namespace Reports.Files;

/// <summary>Replaces one file so that readers see the old content or the new, never half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        var full = Path.GetFullPath(path);
        string? temp = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            temp = TempFile.WriteBeside(full, content);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (temp is not null)
            {
                TempFile.TryDelete(temp);
            }

            throw new LocalFileException($"cannot write '{full}': {e.Message}", e);
        }
    }
}
