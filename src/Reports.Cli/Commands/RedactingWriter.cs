using System.Text;

namespace Reports.Cli.Commands;

/// <summary>Standard output with every secret read in this process redacted: a path or name can echo a token too.</summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value is null ? null : Secrets.Redact(value));

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Secrets.Redact(value));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(value is null ? null : Secrets.Redact(value));

    public override void Flush() => inner.Flush();
}
