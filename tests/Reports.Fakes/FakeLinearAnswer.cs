using System.Text.Json.Nodes;

namespace Reports.Fakes;

/// <summary>
/// The fake Linear's answer to an executed query just before it is sent, for a test to change
/// through <see cref="FakeLinear.Answering"/>: nulls, repeats, a cursor that loops or never ends.
/// </summary>
public sealed class FakeLinearAnswer(FakeLinearRequest request, JsonNode? body)
{
    public FakeLinearRequest Request { get; } = request;

    /// <summary>What is sent, <c>{"data": …}</c> and perhaps <c>errors</c>; replace or edit it to send something else.</summary>
    public JsonNode? Body { get; set; } = body;
}
