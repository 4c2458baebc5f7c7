using System.Globalization;
using Reports.Config;
using Reports.Model;

namespace Reports.Analysis.Team;

/// <summary>
/// docs/rules.md, "Attention list": the week's flags, each naming what it is about and linking to its
/// evidence: a student with no activity, a merge nobody but its author reviewed or approved, an approval
/// without a comment, one student doing most of the team's merges, most of a student's week on its last day.
/// </summary>
internal static class AttentionRules
{
    public const string NoActivity = "no-activity";
    public const string UnreviewedMerge = "unreviewed-merge";
    public const string SilentApproval = "approval-without-comment";
    public const string MergeConcentration = "merge-concentration";
    public const string LastDay = "last-day";

    public static IReadOnlyList<AttentionFlag> Flags(
        TeamWeekModel week, TeamSnapshot team, IReadOnlyList<ReportModel> reports, IReadOnlyList<TeamMergeRequest> merged, AttentionConfig attention)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(attention);
        var flags = new List<AttentionFlag>();
        foreach (var student in week.Students.Where(s => s.NoActivity))
        {
            flags.Add(new AttentionFlag(NoActivity, student.Student.Username, $"{student.Student.DisplayName} (@{student.Student.Username}): no activity this week", student.ReportHref));
        }

        foreach (var merge in week.Merges.Where(m => !m.Checked))
        {
            var mr = merge.MergeRequest;
            var by = mr.MergedBy is { } m ? $" by @{m.Username}" : "";
            var missing = merge.ApprovalsRead ? "no review or approval by anyone but its author" : "no review by anyone but its author (approvals not collected)";
            flags.Add(new AttentionFlag(UnreviewedMerge, mr.MergedBy?.Username, $"{mr.Project}{mr.Reference} by @{mr.Author.Username} merged{by} with {missing}", Evidence(mr.WebUrl, week)));
        }

        foreach (var mr in merged)
        {
            foreach (var approver in (mr.ApprovedBy ?? []).Where(a => !TeamWeekBuilder.Same(a.Username, mr.MergeRequest.Author.Username)
                && !mr.Commenters.Any(c => TeamWeekBuilder.Same(c, a.Username))))
            {
                flags.Add(new AttentionFlag(SilentApproval, approver.Username,
                    $"@{approver.Username} approved {mr.MergeRequest.Project}{mr.MergeRequest.Reference} by @{mr.MergeRequest.Author.Username} without a comment", Evidence(mr.MergeRequest.WebUrl, week)));
            }
        }

        var byMerger = week.Merges.Where(m => m.MergeRequest.MergedBy is not null)
            .GroupBy(m => m.MergeRequest.MergedBy!.Username, StringComparer.OrdinalIgnoreCase).ToList();
        var total = week.Merges.Count;
        if (total >= attention.MinMerges && byMerger.OrderByDescending(g => g.Count()).FirstOrDefault() is { } top
            && top.Count() * 100 > attention.MergeShare * total && week.Students.Any(s => TeamWeekBuilder.Same(s.Student.Username, top.Key)))
        {
            flags.Add(new AttentionFlag(MergeConcentration, top.Key,
                string.Create(CultureInfo.InvariantCulture, $"@{top.Key} did {top.Count()} of the team's {total} merges (more than {attention.MergeShare}%)"),
                $"{Uri.EscapeDataString(team.Window.Slug)}/index.html#merges"));
        }

        foreach (var report in reports)
        {
            var items = report.Activity.Sum(d => d.Total);
            var last = report.Activity.Where(d => d.Date == team.Window.End).Sum(d => d.Total);
            if (items >= attention.LastDayMin && last * 100 > attention.LastDayShare * items
                && week.Students.FirstOrDefault(s => TeamWeekBuilder.Same(s.Student.Username, report.Student.Username)) is { } student)
            {
                flags.Add(new AttentionFlag(LastDay, student.Student.Username,
                    string.Create(CultureInfo.InvariantCulture, $"{student.Student.DisplayName} (@{student.Student.Username}): {last} of {items} counted items on the week's last day"),
                    student.ReportHref));
            }
        }

        return flags;
    }

    // Only an http(s) link leaves the site; anything else a server sent leads to the team week's merges instead.
    private static string Evidence(string url, TeamWeekModel week) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? u.AbsoluteUri
            : $"{Uri.EscapeDataString(week.Window.Slug)}/index.html#merges";
}
