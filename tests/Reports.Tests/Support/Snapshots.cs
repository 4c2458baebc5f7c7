using Reports.Model;

namespace Reports.Tests.Support;

/// <summary>Small snapshots for tests, built from the bundled sample week.</summary>
internal static class Snapshots
{
    public static Snapshot Sample() =>
        SnapshotSerializer.Deserialize(File.ReadAllText(RepoPaths.DemoSnapshot), RepoPaths.DemoSnapshot);

    public static Snapshot EmptyWeek() => new()
    {
        SchemaVersion = Snapshot.CurrentSchemaVersion,
        Course = "PPL",
        Student = new Person("abhipraya", "Abhipraya"),
        Window = new ReportWindow(new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 6), "Asia/Jakarta", 2, 2),
    };
}
