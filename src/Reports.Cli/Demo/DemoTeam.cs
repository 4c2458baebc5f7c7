using System.Globalization;
using System.Text.Json.Nodes;
using Reports.Model;
using Reports.Notes;

namespace Reports.Cli.Demo;

/// <summary>
/// The demo team: the bundled sample week turned into four students × three weeks, with no
/// network. Each week is the sample moved on by whole weeks (every date in it), and each student
/// keeps a different, fixed share of its reviews, findings, merges, commits and tickets, so the
/// team page has varied numbers and the same sample always gives the same team.
/// </summary>
internal static class DemoTeam
{
    /// <summary>The sample's own student first, then three invented teammates.</summary>
    public static IReadOnlyList<Person> Students(Snapshot sample) =>
    [
        sample.Student,
        new("bintang", "Bintang Pratama"),
        new("citra", "Citra Lestari"),
        new("dimas.saputra", "Dimas Saputra"),
    ];

    private static readonly (int Sprint, int Week)[] Windows = [(2, 1), (2, 2), (3, 1)];

    /// <summary>Every student's weeks; the sample's notes go with the sample's own student and week.</summary>
    public static IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)> Weeks(Snapshot sample, NarrativeNotes sampleNotes) =>
        Weeks(sample, sampleNotes, Students(sample), Windows);

    /// <summary>The same for any students and windows (the site benchmark's 50 students × 14 weeks).</summary>
    internal static IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)> Weeks(
        Snapshot sample, NarrativeNotes sampleNotes, IReadOnlyList<Person> students, IReadOnlyList<(int Sprint, int Week)> windows)
    {
        var moved = windows.Select((_, w) => MovedOn(sample, 7 * w)).ToList();
        var weeks = new List<(Snapshot, NarrativeNotes)>();
        for (var s = 0; s < students.Count; s++)
        {
            for (var w = 0; w < windows.Count; w++)
            {
                var snapshot = Share(moved[w], s, w) with
                {
                    Student = students[s],
                    Window = moved[w].Window with { Sprint = windows[w].Sprint, Week = windows[w].Week },
                };
                weeks.Add((snapshot, s == 0 && w == 0 ? sampleNotes : NarrativeNotes.Empty));
            }
        }

        return weeks;
    }

    /// <summary>
    /// Each week's team snapshot, made from the students' snapshots: their review threads on each merge
    /// request and the merges they did, with approvals invented as a team gives them (<see cref="Approvers"/>).
    /// </summary>
    internal static IReadOnlyList<TeamSnapshot> TeamWeeks(IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, IReadOnlyList<Person> students) =>
        [.. weeks.GroupBy(w => w.Snapshot.Window.Slug, StringComparer.Ordinal).Select(week =>
        {
            var first = week.First().Snapshot;
            var threads = week.SelectMany(w => w.Snapshot.Reviews.SelectMany(r => r.Threads.Select(t => (r.MergeRequest, Thread: new TeamReviewThread { Reviewer = w.Snapshot.Student, Thread = t }))));
            var merges = week.SelectMany(w => w.Snapshot.Merges.Select(m => m with { MergedBy = w.Snapshot.Student }))
                .DistinctBy(m => (m.Project, m.Iid)).ToList();
            var unreviewed = merges.Where(m => !threads.Any(t => t.MergeRequest.Project == m.Project && t.MergeRequest.Iid == m.Iid)).ToList();
            var mergeRequests = threads.Select(t => t.MergeRequest).Concat(merges).DistinctBy(m => (m.Project, m.Iid)).Select(mr =>
            {
                var merged = merges.FirstOrDefault(m => m.Project == mr.Project && m.Iid == mr.Iid) ?? mr;
                var mrThreads = threads.Where(t => t.MergeRequest.Project == mr.Project && t.MergeRequest.Iid == mr.Iid).Select(t => t.Thread).ToList();
                return new TeamMergeRequest
                {
                    MergeRequest = merged,
                    Threads = mrThreads,
                    ApprovedBy = merged.MergedAt is null ? null : Approvers(merged, mrThreads, unreviewed.IndexOf(merged)),
                    Commenters = [.. mrThreads.Select(t => t.Reviewer.Username)],
                };
            }).ToList();
            return TeamSnapshotSerializer.Normalize(new TeamSnapshot
            {
                SchemaVersion = Snapshot.CurrentSchemaVersion,
                Course = first.Course,
                Students = students,
                Window = first.Window,
                MergeRequests = mergeRequests,
            });
        })];

    /// <summary>
    /// Who approved a merge, as approvals are read for merges only: the first teammate whose review
    /// thread came before the merge; on every other merge nobody reviewed (the first, the third…), its
    /// merger, without a comment, so the team week shows both an approved merge and the attention flags
    /// for a silent approval and for a merge nobody checked.
    /// </summary>
    private static IReadOnlyList<Person> Approvers(MergeRequestRef merged, IReadOnlyList<TeamReviewThread> threads, int unreviewedIndex)
    {
        var reviewer = threads.Where(t => t.Thread.CreatedAt <= merged.MergedAt && t.Reviewer.Username != merged.Author.Username)
            .OrderBy(t => t.Thread.CreatedAt).Select(t => t.Reviewer).FirstOrDefault();
        if (reviewer is not null)
        {
            return [reviewer];
        }

        return unreviewedIndex % 2 == 0 && merged.MergedBy is { } merger && merger.Username != merged.Author.Username ? [merger] : [];
    }

    // Which part of the sample student s keeps in week w: a fixed pattern, different per student and week.
    private static Snapshot Share(Snapshot sample, int s, int w)
    {
        var seed = (s * 3) + w;
        if (seed == 0)
        {
            // The sample's own student and week is the sample itself, as `evidence demo` shows it.
            return sample;
        }

        var reviews = (seed % 3) switch
        {
            0 => sample.Reviews,
            1 => sample.Reviews.Take(1).ToList(),
            _ => sample.Reviews.Skip(1).ToList(),
        };
        return sample with
        {
            Reviews = [.. reviews.Select(r => r with { Threads = [.. r.Threads.Where((_, j) => (j + seed) % (s + 2) != 0)] })],
            Merges = [.. sample.Merges.Take((seed % 4) + 1)],
            Contributions = seed % 2 == 0 ? sample.Contributions : [],
            Tickets = [.. sample.Tickets.Take((seed * 5) % (sample.Tickets.Count + 1))],
        };
    }

    // Every local date and instant in the snapshot, moved on by the same number of days.
    private static Snapshot MovedOn(Snapshot sample, int days)
    {
        if (days == 0)
        {
            return sample;
        }

        var json = JsonNode.Parse(SnapshotSerializer.Serialize(sample))!;
        Move(json, days);
        return SnapshotSerializer.Deserialize(json.ToJsonString(), "demo team week");
    }

    private static void Move(JsonNode node, int days)
    {
        const string Instant = "yyyy-MM-dd'T'HH:mm:sszzz";
        const string Date = "yyyy-MM-dd";
        var c = CultureInfo.InvariantCulture;
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        if (DateTimeOffset.TryParseExact(text, Instant, c, DateTimeStyles.None, out var at))
                        {
                            o[key] = at.AddDays(days).ToString(Instant, c);
                        }
                        else if (DateOnly.TryParseExact(text, Date, c, DateTimeStyles.None, out var day))
                        {
                            o[key] = day.AddDays(days).ToString(Date, c);
                        }
                    }
                    else if (child is not null)
                    {
                        Move(child, days);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Move(child, days);
                    }
                }

                break;
        }
    }
}
