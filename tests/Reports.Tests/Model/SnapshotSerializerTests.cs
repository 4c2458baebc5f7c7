using Reports.Cli;
using Reports.Cli.Commands;
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
        Assert.StartsWith("{\n  \"schemaVersion\": 2,", json);
    }

    [Fact]
    public void A_version_1_snapshot_is_still_read_and_does_not_say_which_sources_ran()
    {
        var path = Path.Combine(RepoPaths.Golden, "Cases", "mixed-grading", "snapshot.json");

        var snapshot = SnapshotSerializer.Load(path);

        Assert.Equal(1, snapshot.SchemaVersion);
        Assert.Null(snapshot.Sources);
        Assert.DoesNotContain("\"sources\"", SnapshotSerializer.Serialize(snapshot), StringComparison.Ordinal);
    }

    [Fact]
    public void Referenced_tickets_are_optional_sorted_by_identifier_and_left_out_when_there_are_none()
    {
        ReferencedTicket Referenced(string id) => new() { Identifier = id, Title = "t", Url = "https://linear.app/x/" + id, State = "Done", AttachmentUrls = ["https://b", "https://a"] };
        var with = Snapshots.EmptyWeek() with { ReferencedTickets = [Referenced("SIRA-10"), Referenced("SIRA-9")] };

        var json = SnapshotSerializer.Serialize(with);
        var read = SnapshotSerializer.Deserialize(json, "round trip");

        Assert.Equal(["SIRA-9", "SIRA-10"], read.ReferencedTickets!.Select(t => t.Identifier));
        Assert.Equal(["https://a", "https://b"], read.ReferencedTickets![0].AttachmentUrls);
        Assert.DoesNotContain("referencedTickets", SnapshotSerializer.Serialize(Snapshots.EmptyWeek() with { ReferencedTickets = [] }), StringComparison.Ordinal);
        Assert.Null(SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(Snapshots.EmptyWeek()), "without").ReferencedTickets);
    }

    [Fact]
    public void Sources_are_written_by_name_with_what_they_covered_sorted_and_the_time_in_utc_to_the_second()
    {
        var at = new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.FromHours(7)).AddMilliseconds(789);
        var snapshot = Snapshots.EmptyWeek() with
        {
            Sources =
            [
                new SourceRun { Name = "linear", Url = "https://api.linear.app/graphql", Covered = ["SIRA"], CollectedAt = at },
                new SourceRun { Name = "gitlab", Url = "https://gitlab.example.com/", Covered = ["ppl/b", "ppl/a"], CollectedAt = at },
            ],
        };

        var json = SnapshotSerializer.Serialize(snapshot);
        var read = SnapshotSerializer.Deserialize(json, "round trip");

        Assert.Equal(["gitlab", "linear"], read.Sources!.Select(r => r.Name));
        Assert.Equal(["ppl/a", "ppl/b"], read.Sources![0].Covered);
        Assert.Contains("\"collectedAt\": \"2025-03-31T05:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.Equal(json, SnapshotSerializer.Serialize(read));
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 4, \"course\": \"PPL\"}", "at $.schemaVersion: version 4 is newer than this evidence understands (3); update evidence")]
    [InlineData("{\"course\": \"PPL\"}", "at $.schemaVersion: missing schemaVersion")]
    [InlineData("[1, 2]", "at $: expected a JSON object")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": \"a\"}, \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}, \"merges\": [{\"iid\": \"nine\"}]}", "at $.merges[0].iid:")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": \"a\"}, \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}, \"surprise\": true}", "at $.surprise:")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}}", "student")]
    [InlineData("{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": \"a\"}, \"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}, \"reviews\": [{\"mergeRequest\": null}]}", "at $.reviews[0].mergeRequest")]
    [InlineData("{\"schemaVersion\": 1, \"course\": ", "snapshot 'test.json' is invalid at $")]
    [InlineData("{\"course\": \"PPL\", \"schemaVersion\": 4, \"course\": ", "at $.schemaVersion: version 4 is newer")]
    [InlineData("{\"course\": {\"schemaVersion\": 1}, \"reviews\": []}", "at $.schemaVersion: missing schemaVersion")]
    [InlineData("{\"schemaVersion\": \"2\"}", "at $.schemaVersion: missing schemaVersion")]
    [InlineData("{\"schemaVersion\": 1.5}", "at $.schemaVersion: '1.5' is not a schema version")]
    public void Broken_or_newer_snapshot_is_an_error_naming_the_json_path(string json, string expected)
    {
        var error = Assert.Throws<EvidenceException>(() => SnapshotSerializer.Deserialize(json, "test.json"));

        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(error));
        Assert.StartsWith("snapshot 'test.json' is invalid at $", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private const string Head = "{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": \"a\"}, ";
    private const string Week = "\"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\"}";

    public static TheoryData<string, string> UnsoundSnapshots => new()
    {
        { Head + Week + ", \"reviews\": [null]}", "at $.reviews[0]: null is not allowed in this list" },
        { Head + Week + ", \"merges\": null}", "at $.merges: null is not allowed here" },
        { Head + Week + ", \"sources\": [null]}", "at $.sources[0]: null is not allowed in this list" },
        { Head + Week + ", \"sources\": [{\"name\": \"gitlab\", \"url\": \"https://gitlab.example.com/\", \"collectedAt\": \"2025-03-31T05:00:00Z\", \"covered\": [null]}]}",
            "at $.sources[0].covered[0]: null is not allowed in this list" },
        { Head + Week + ", \"tickets\": [{\"identifier\": \"SIRA-1\", \"title\": \"t\", \"url\": \"https://linear.app/x\", \"state\": \"Done\", \"createdAt\": \"2025-03-24T00:00:00Z\", \"statusChanges\": [null]}]}",
            "at $.tickets[0].statusChanges[0]: null is not allowed in this list" },
        { Head + Week + ", \"tickets\": [{\"identifier\": \"SIRA-1\", \"title\": \"t\", \"url\": \"https://linear.app/x\", \"state\": \"Done\", \"createdAt\": \"2025-03-24T00:00:00Z\", \"attachmentUrls\": [null]}]}",
            "at $.tickets[0].attachmentUrls[0]: null is not allowed in this list" },
        { Head + "\"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-01\", \"timeZone\": \"UTC\"}}", "at $.window.end: 2025-03-01 is before the window's start 2025-03-24" },
        { Head + "\"window\": {\"start\": \"9999-12-31\", \"end\": \"9999-12-31\", \"timeZone\": \"UTC\"}}", "at $.window: 9999-12-31 to 9999-12-31 is outside the dates evidence supports (1900-01-01 to 9998-12-31)" },
        { Head + "\"window\": {\"start\": \"0001-01-01\", \"end\": \"0001-01-07\", \"timeZone\": \"UTC\"}}", "at $.window: 0001-01-01 to 0001-01-07 is outside the dates evidence supports (1900-01-01 to 9998-12-31)" },
        { Head + "\"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"Mars/Olympus\"}}", "at $.window.timeZone: 'Mars/Olympus' is not a known IANA time zone" },
        { Head + "\"window\": {\"start\": \"2025-03-24\", \"end\": \"2025-03-30\", \"timeZone\": \"UTC\", \"sprint\": 0, \"week\": 1}}", "at $.window: sprint and week numbers start at 1" },
    };

    [Theory]
    [MemberData(nameof(UnsoundSnapshots))]
    public void Unsound_snapshot_is_refused_as_a_whole_with_the_json_path(string json, string expected)
    {
        var error = Assert.Throws<EvidenceException>(() => SnapshotSerializer.Deserialize(json, "test.json"));

        Assert.StartsWith($"snapshot 'test.json' is invalid {expected}", error.Message);
    }

    [Fact]
    public void Missing_snapshot_says_how_to_make_one()
    {
        var error = Assert.Throws<EvidenceException>(() => SnapshotSerializer.Load("/nonexistent/week.json"));

        Assert.Equal("snapshot '/nonexistent/week.json' not found: its folder does not exist", error.Message);
    }
}
