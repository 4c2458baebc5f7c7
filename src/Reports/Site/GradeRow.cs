namespace Reports.Site;

/// <summary>
/// One student × week of a grade book: who, which week and whether it had ended, the counts the week's
/// report states (ticket counts null when Linear was not configured, every count null for a week listed
/// before the grade book existed), the week's attention flags about the student, and the report's link
/// relative to the grade book.
/// </summary>
internal sealed record GradeRow(
    string Team, string Username, string Name, string? Tutor, int? Sprint, int? Week, DateOnly Start, DateOnly End, string Status,
    int? ReviewedMrs, int? Findings, int? P0, int? P1, int? P2, int? P3, int? Ungraded, int? Merges, int? Commits,
    int? TicketsCreated, int? TicketsMoved, int? Tickets, int? Subissues, int? Scenarios, int Flags, string ReportUrl);
