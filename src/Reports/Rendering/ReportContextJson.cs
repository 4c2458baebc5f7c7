using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Analysis;
using Scriban.Runtime;

namespace Reports.Rendering;

/// <summary>
/// The report model exactly as the templates see it, as JSON (<c>evidence render --context</c>):
/// every public member under its snake_case template name, computed members included, in
/// declaration order. Like git-cliff's context output, it separates a change in analysis from a
/// change in templates. Paths on this machine are reduced to their file names.
/// </summary>
internal static class ReportContextJson
{
    private const int MaxDepth = 32;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReportModel model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, ReportRenderer.TemplateModel(model), 0);
        }

        return BidiControls.EscapeInJson(Encoding.UTF8.GetString(buffer.ToArray())) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or double or decimal or float:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case Enum or TimeSpan:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (var key in dictionary.Keys.Cast<object>().OrderBy(k => Convert.ToString(k, CultureInfo.InvariantCulture), StringComparer.Ordinal))
                {
                    writer.WritePropertyName(Convert.ToString(key, CultureInfo.InvariantCulture)!);
                    Write(writer, dictionary[key], depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteObject(writer, value, depth);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, object value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"the report model nests deeper than {MaxDepth} levels at {value.GetType().Name}");
        }

        writer.WriteStartObject();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null))
        {
            writer.WritePropertyName(StandardMemberRenamer.Rename(property));
            var member = property.GetValue(value);
            Write(writer, property.IsDefined(typeof(MachineSpecificAttribute)) && member is string path ? Path.GetFileName(path) : member, depth + 1);
        }

        writer.WriteEndObject();
    }
}
