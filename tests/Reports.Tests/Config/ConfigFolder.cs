namespace Reports.Tests.Config;

/// <summary>A throw-away folder holding an <c>evidence.yml</c>, deleted after the test.</summary>
internal sealed class ConfigFolder : IDisposable
{
    public ConfigFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "evidence-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="yaml"/> to <c>{Root}/{relativePath}</c> and returns the full path.</summary>
    public string Write(string yaml, string relativePath = "evidence.yml")
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
