namespace Reports.Site;

/// <summary>
/// One output of a run: the HTML site, the Hugo export, the grade book (<see cref="SiteOutputs"/> registers
/// them). <see cref="SiteWriter"/> walks the run once, each week analysed and drawn once in every form the
/// outputs ask for, and hands every output each week, then each team, then the course; all their files go
/// into one <see cref="SiteCommit"/>, so a run writes all of its outputs or none.
/// </summary>
internal interface ISiteOutput
{
    /// <summary>Its name, as <c>site.format</c> and the docs call it.</summary>
    string Name { get; }

    /// <summary>What it needs drawn of each week.</summary>
    WeekDrawing Draws { get; }

    /// <summary>Throws, before anything is drawn, when the output folder holds something a run of <paramref name="team"/> (null: the course's root) would damage.</summary>
    void CheckWritable(SiteLayout? team);

    /// <summary>The files of one week, drawn as <see cref="Draws"/> asked; <paramref name="folder"/> is the student's (<see cref="SiteLayout.FolderOf"/>).</summary>
    IEnumerable<SiteFile> Week(SiteLayout layout, string folder, DrawnWeek week);

    /// <summary>The files of a team (or of the one student) once its weeks are written.</summary>
    IEnumerable<SiteFile> Team(TeamRun team);

    /// <summary>The files over all the teams of a course, once every team is written.</summary>
    IEnumerable<SiteFile> Course(CourseRun course);
}
