using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Golden;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

public sealed class TemplateErrorTests
{
    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        using var overrides = new TempDirectory();
        var path = overrides.Write("report.md.sbn", "# {{ title }}\n\nok\n{{ for x in reviews }}\n{{ x.merge_request.title \n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(error));
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:5:\d+: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Unknown_variable_is_an_error_with_its_location()
    {
        using var overrides = new TempDirectory();
        var path = overrides.Write("report.md.sbn", "# {{ title }}\n{{ titel }}\n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.StartsWith($"{path}:2:4: ", error.Message);
        Assert.Contains("titel", error.Message);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("partials/../../../etc/passwd")]
    [InlineData("..\\\\..\\\\etc\\\\passwd")]
    public void Include_outside_the_template_roots_is_refused(string name)
    {
        using var overrides = new TempDirectory();
        overrides.Write("report.md.sbn", $"# {{{{ title }}}}\n{{{{ include '{name}' }}}}\n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.Contains("report.md.sbn:2:", error.Message);
        Assert.Contains("not allowed", error.Message);
        Assert.DoesNotContain("root:", error.Message);
    }

    [Fact]
    public void Symbolic_link_leading_out_of_a_root_is_refused()
    {
        using var overrides = new TempDirectory();
        File.CreateSymbolicLink(overrides.Combine("passwd.sbn"), "/etc/passwd");
        overrides.Write("report.md.sbn", "{{ include 'passwd.sbn' }}\n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.Contains("outside that folder", error.Message);
    }

    [Fact]
    public void User_file_replaces_the_shipped_file_of_the_same_path()
    {
        using var overrides = new TempDirectory();
        overrides.Write("partials/merges.md.sbn", "## 2. Merges, my way\n\n{{ merges.size }} merged.\n\n");

        var report = GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;

        Assert.Contains("## 2. Merges, my way\n\n6 merged.", report.Markdown);
        Assert.Contains("## 1. Threaded MR Reviews with Severity Grading", report.Markdown);
    }

    [Fact]
    public void Missing_override_folder_is_a_clear_error()
    {
        var error = Assert.Throws<EvidenceException>(() => new TemplateRoots(RepoPaths.Templates, "/nonexistent/templates"));

        Assert.Contains("templates export", error.Message);
    }
}
