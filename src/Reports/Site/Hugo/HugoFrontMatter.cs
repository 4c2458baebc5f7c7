using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reports.Site.Hugo;

/// <summary>
/// The YAML front matter of a Hugo page, written with YamlDotNet's emitter: every string from the
/// data is a double-quoted scalar, so quotes, colons, <c>#</c>, line breaks and control characters
/// in a title stay text and never end the front matter or add keys. Bidirectional controls show as
/// <c>&lt;U+202E&gt;</c>, as everywhere else the tool writes them.
/// </summary>
internal static class HugoFrontMatter
{
    public static string Write(string title, DateTimeOffset date, IReadOnlyList<string> tags, string summary)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Plain(emitter, "title");
        Quoted(emitter, title);
        Plain(emitter, "date");
        Plain(emitter, date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        Plain(emitter, "draft");
        Plain(emitter, "false");
        Plain(emitter, "tags");
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Flow));
        foreach (var tag in tags)
        {
            Quoted(emitter, tag);
        }

        emitter.Emit(new SequenceEnd());
        Plain(emitter, "summary");
        Quoted(emitter, summary);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return "---\n" + writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n') + "\n---\n";
    }

    private static void Plain(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void Quoted(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, BidiControls.Reveal(value), ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
}
