using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Reports.Http;

/// <summary>Serializer settings for an API's JSON: its naming, numbers sent as strings accepted, lenient dates.</summary>
internal static class RemoteJson
{
    public static JsonSerializerOptions Create(JsonNamingPolicy naming)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = naming,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new LenientDateConverter());
        options.MakeReadOnly();
        return options;
    }
}
