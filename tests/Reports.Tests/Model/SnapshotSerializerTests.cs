using Reports.Model;
using Reports.Tests.Support;

namespace Reports.Tests.Model;

public sealed class SnapshotSerializerTests
{
    [Fact]
    public void Sample_round_trips_to_the_same_json()
    {
        var json = SnapshotSerializer.Serialize(Snapshots.Sample());

        Assert.Equal(json, SnapshotSerializer.Serialize(SnapshotSerializer.Deserialize(json, "round trip")));
        Assert.StartsWith("{\n  \"schemaVersion\": 1,", json);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 2, \"course\": \"PPL\"}", "at $.schemaVersion: version 2 is newer than this evidence understands (1); update evidence")]
    [InlineData("{\"course\": \"PPL\"}", "at $.schemaVersion: missing schemaVersion")]
    [InlineData("[1, 2]", "at $: expected a JSON object")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": \"a\"}, \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}, \"merges\": [{\"iid\": \"nine\"}]}", "at $.merges[0].iid:")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": \"a\"}, \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}, \"surprise\": true}", "at $.surprise:")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}}", "student")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": \"a\"}, \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}, \"reviews\": [{\"mergeRequest\": null}]}", "at $.reviews[0].mergeRequest")]
    [InlineData("{\"schemaVersion\": 1, \"course\": ", "snapshot 'test.json' is invalid at $")]
    public void Broken_or_newer_snapshot_is_an_error_naming_the_json_path(string json, string expected)
    {
        var error = Assert.Throws<EvidenceException>(() => SnapshotSerializer.Deserialize(json, "test.json"));

        Assert.Equal(ExitCode.InvalidInput, error.ExitCode);
        Assert.StartsWith("snapshot 'test.json' is invalid at $", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Missing_snapshot_says_how_to_make_one()
    {
        var error = Assert.Throws<EvidenceException>(() => SnapshotSerializer.Load("/nonexistent/week.json"));

        Assert.Equal("snapshot '/nonexistent/week.json' not found: its folder does not exist", error.Message);
    }
}
