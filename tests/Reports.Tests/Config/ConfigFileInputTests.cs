using System.Diagnostics;
using System.Text;
using Reports.Config;

namespace Reports.Tests.Config;

/// <summary>What a config file may be made of: its size, its encoding, and how far its aliases expand.</summary>
public sealed class ConfigFileInputTests
{
    private const string Minimal = "course: Kurs ÄÖ\nstudent:\n  username: abhipraya\ngitlab:\n  url: https://gitlab.example.com\n  projects: [ppl/sira-backend]\n";

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "utf-32le-bom", "utf-32be-bom" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Utf8_with_or_without_bom_and_utf16_or_32_with_bom_read_the_same(string name)
    {
        using var folder = new ConfigFolder();
        var path = Path.Combine(folder.Root, "evidence.yml");
        File.WriteAllBytes(path, Encode(Minimal, name));

        var config = ConfigLoader.Load(path);

        Assert.Equal("Kurs ÄÖ", config.Course);
        Assert.Equal("abhipraya", config.Student.Username);
    }

    [Fact]
    public void Invalid_utf8_without_bom_is_refused_with_its_byte_offset()
    {
        using var folder = new ConfigFolder();
        var path = Path.Combine(folder.Root, "evidence.yml");
        var bytes = Encoding.UTF8.GetBytes("course: PPL\n").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.Equal($"config file '{path}' is not valid utf-8: bad byte (0xC3) at offset 12; save the file as UTF-8", e.Message);
    }

    [Fact]
    public void Utf16_without_bom_is_named_as_such_not_as_a_yaml_syntax_error()
    {
        using var folder = new ConfigFolder();
        var path = Path.Combine(folder.Root, "evidence.yml");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes(Minimal));

        var e = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.Equal($"config file '{path}' has a NUL byte at offset 1; it looks like UTF-16 without a byte-order mark, or not text at all: save it as UTF-8", e.Message);
    }

    [Fact]
    public void File_over_one_megabyte_is_refused_without_reading_it_all()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write(Minimal + new string('#', ConfigText.MaxBytes) + "\n");

        var e = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"config file '{path}' is larger than 1 MB", e.Message);
    }

    [Fact]
    public void Endless_device_as_config_is_refused_quickly()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var e = Assert.Throws<EvidenceException>(() => ConfigLoader.Load("/dev/zero"));

        Assert.StartsWith("config file '/dev/zero' is larger than 1 MB", e.Message);
    }

    [Fact]
    public void Nested_aliases_are_refused_in_bounded_time()
    {
        // Each level doubles: a dozen levels is 1.5 KB of text and millions of nodes once expanded.
        var yaml = new StringBuilder("a0: &a0 [x, y]\n");
        for (var i = 1; i <= 24; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} {{ *a{i - 1} : *a{i - 1}, k{i}: *a{i - 1} }}\n");
        }

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<EvidenceException>(() => Parse(yaml.ToString()));

        Assert.Contains($"expands to more than {BoundedYamlParser.MaxExpandedNodes} values", e.Message);
        Assert.StartsWith("evidence.yml:", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_exhaust_the_stack()
    {
        var yaml = "course: " + new string('[', 100_000) + "\n";

        var e = Assert.Throws<EvidenceException>(() => Parse(yaml));

        Assert.Contains($"nesting deeper than {BoundedYamlParser.MaxDepth} levels", e.Message);
    }

    [Fact]
    public void A_few_aliases_within_the_budget_still_work()
    {
        var yaml = "student:\n  username: abhipraya\n  emails: &mails [a@example.com, b@example.com]\ngitlab:\n  url: https://gitlab.example.com\n  projects: [a/b]\n  bots: *mails\n";

        var config = Parse(yaml);

        Assert.Equal(["a@example.com", "b@example.com"], config.GitLab.Bots);
    }

    private static EvidenceConfig Parse(string yaml) =>
        ConfigLoader.Parse(yaml, "evidence.yml", Path.Combine(Path.GetTempPath(), "evidence.yml"));

    private static byte[] Encode(string text, string name) => name switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-32le-bom" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
        _ => [.. new UTF32Encoding(true, true).GetPreamble(), .. new UTF32Encoding(true, true).GetBytes(text)],
    };
}
