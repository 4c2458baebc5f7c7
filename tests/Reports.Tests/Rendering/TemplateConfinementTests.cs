using Reports.Notes;
using Reports.Tests.Golden;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary><c>include</c> reads only files inside the template roots, whatever links lie on the way.</summary>
public sealed class TemplateConfinementTests : IDisposable
{
    private readonly TempDirectory _outside = new();
    private readonly TempDirectory _overrides = new();

    public TemplateConfinementTests()
    {
        _outside.Write("secret/passwd.sbn", "root:x:0:0:SECRET\n");
    }

    [Fact]
    public void Symlinked_file_leading_outside_is_refused()
    {
        File.CreateSymbolicLink(_overrides.Combine("passwd.sbn"), _outside.Combine("secret", "passwd.sbn"));

        AssertRefused("passwd.sbn");
    }

    [Fact]
    public void Symlinked_folder_leading_outside_is_refused()
    {
        Directory.CreateSymbolicLink(_overrides.Combine("etc"), _outside.Combine("secret"));

        AssertRefused("etc/passwd.sbn");
    }

    [Fact]
    public void Symlinked_folder_inside_a_nested_folder_leading_outside_is_refused()
    {
        Directory.CreateDirectory(_overrides.Combine("partials"));
        Directory.CreateSymbolicLink(_overrides.Combine("partials", "up"), "../../" + Path.GetFileName(_outside.Path) + "/secret");

        AssertRefused("partials/up/passwd.sbn");
    }

    [Fact]
    public void Symlinked_folder_that_stays_inside_the_root_is_allowed()
    {
        _overrides.Write("real/part.sbn", "inside the root\n");
        Directory.CreateSymbolicLink(_overrides.Combine("alias"), _overrides.Combine("real"));
        _overrides.Write("report.md.sbn", "# {{ title }}\n{{ include 'alias/part.sbn' }}\n");

        var report = GoldenTests.NewGenerator(_overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;

        Assert.Contains("inside the root", report.Markdown);
    }

    [Theory]
    [InlineData("../secret/passwd.sbn")]
    [InlineData("partials/../../secret/passwd.sbn")]
    public void Dot_dot_is_refused(string name) => AssertRefused(name, "not allowed");

    [Fact]
    public void Absolute_path_is_refused() => AssertRefused(_outside.Combine("secret", "passwd.sbn"), "not allowed");

    public void Dispose()
    {
        _overrides.Dispose();
        _outside.Dispose();
    }

    private void AssertRefused(string name, string expected = "outside")
    {
        _overrides.Write("report.md.sbn", $"# {{{{ title }}}}\n{{{{ include '{name}' }}}}\n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(_overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.Contains("report.md.sbn:2:", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
    }
}
