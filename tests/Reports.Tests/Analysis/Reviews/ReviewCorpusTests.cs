using System.Text.Json;
using Reports.Analysis.Reviews;
using Reports.Config;
using Reports.Model;

namespace Reports.Tests.Analysis.Reviews;

/// <summary>Golden corpus: every <c>Corpus/NNN-name.md</c> is a real-shaped first note with its expected parse beside it.</summary>
public sealed class ReviewCorpusTests
{
    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "Analysis", "Reviews", "Corpus");

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusFolder, "*.md").Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileNameWithoutExtension(file));
        }

        return cases;
    }

    [Fact]
    public void Corpus_holds_at_least_45_comment_bodies_each_with_an_expectation()
    {
        var bodies = Directory.GetFiles(CorpusFolder, "*.md");
        Assert.True(bodies.Length >= 45, $"only {bodies.Length} corpus bodies");
        Assert.All(bodies, body => Assert.True(File.Exists(Path.ChangeExtension(body, ".expected.json")), $"{body} has no .expected.json"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_comment_parses_as_its_expectation_says(string name)
    {
        var body = File.ReadAllText(Path.Combine(CorpusFolder, name + ".md"));
        var expectationFile = Path.Combine(CorpusFolder, name + ".expected.json");
        Assert.True(File.Exists(expectationFile), $"missing {name}.expected.json");
        var expected = JsonSerializer.Deserialize<CorpusExpectation>(File.ReadAllText(expectationFile), Json)!;
        if (name.Contains("crlf", StringComparison.Ordinal))
        {
            Assert.Contains("\r\n", body, StringComparison.Ordinal);
        }

        var parsed = new ReviewCommentParser(expected.Levels?.ToDictionary(l => l.Key, l => Enum.Parse<Severity>(l.Value, ignoreCase: true)) ?? ConfigSchema.Review.DefaultLevels).Parse(body);

        Assert.Equal(expected.Severity, parsed.Severity?.ToString());
        Assert.Equal(expected.Label, parsed.Label);
        Assert.Equal(expected.Decorations, parsed.Decorations);
        Assert.Equal(expected.Title, parsed.Title);
        Assert.Equal(
            expected.Fixes.Select(f => (f.Language, f.Suggestion, f.Range)),
            parsed.Fixes.Select(f => (f.Language, f.IsSuggestion, f.SuggestionRange)));
        foreach (var (fix, actual) in expected.Fixes.Zip(parsed.Fixes))
        {
            Assert.Contains(fix.CodeContains ?? "", actual.Code, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', actual.Code);
        }

        if (expected.Details is not null)
        {
            Assert.Equal(expected.Details, parsed.Details);
        }

        Assert.All(expected.DetailsContains, part => Assert.Contains(part, parsed.Details, StringComparison.Ordinal));
        Assert.DoesNotContain("```", parsed.Details, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', parsed.Details);
    }
}
