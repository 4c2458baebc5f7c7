using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;

namespace Reports.Analysis.Reviews;

/// <summary>
/// Splits a review comment into its prose lines and its fenced code blocks (``` or ~~~, GitLab
/// <c>```suggestion</c> included), as the shared Markdig pipeline reads them.
/// </summary>
internal static partial class MarkdownBlocks
{
    public static (IReadOnlyList<string> Prose, IReadOnlyList<SuggestedFix> Fixes) Split(string text)
    {
        var source = MarkdownSyntax.Read(text);
        var fences = source.Document.Descendants<FencedCodeBlock>().Where(IsWrittenCode).ToList();
        var inFence = new bool[source.Lines.Count];
        foreach (var fence in fences)
        {
            var (first, last) = LinesOf(source, fence);
            Array.Fill(inFence, true, first, last - first + 1);
        }

        var prose = source.Lines.Where((_, i) => !inFence[i]).ToList();
        return (prose, [.. fences.Select(ToFix)]);
    }

    // Code inside a quote is someone else's; '$$' math blocks are fenced blocks of another kind.
    private static bool IsWrittenCode(FencedCodeBlock fence) =>
        fence.FencedChar is '`' or '~' && !InQuote(fence);

    private static bool InQuote(Block block) => block.Parent is { } parent && (parent is QuoteBlock || InQuote(parent));

    // An unclosed fence's span ends on its opening line; its code lines tell how far it runs.
    private static (int First, int Last) LinesOf(MarkdownSource source, FencedCodeBlock fence)
    {
        var (first, last) = source.LinesOf(fence);
        return (first, Math.Max(last, CodeLines(fence).LastOrDefault().Line));
    }

    private static IEnumerable<StringLine> CodeLines(FencedCodeBlock fence) => fence.Lines.Lines?.Take(fence.Lines.Count) ?? [];

    private static SuggestedFix ToFix(FencedCodeBlock fence)
    {
        var code = string.Join('\n', CodeLines(fence).Select(line => line.Slice.ToString()));
        var word = fence.Info ?? "";
        var suggestion = SuggestionInfoRegex().Match(word);
        if (suggestion.Success)
        {
            var range = suggestion.Groups["range"].Value;
            return new SuggestedFix(null, code, IsSuggestion: true) { SuggestionRange = range.Length == 0 ? null : range };
        }

        return new SuggestedFix(word.Length == 0 ? null : word, code);
    }

    [GeneratedRegex(@"^suggestion(?::(?<range>[-+0-9]*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SuggestionInfoRegex();
}
