using Reports.Site;

namespace Reports.Tests.Site;

/// <summary>Each tutor's page on a course site (<c>tutor/NAME.html</c>) has a safe, short and distinct file name, whatever the roster holds.</summary>
public sealed class TutorViewTests
{
    [Fact]
    public void Tutor_pages_are_named_by_the_tutors_letters_and_digits()
    {
        var views = CourseIndex.TutorViews([Team("sira", "Bu Ratna"), Team("kopi", "Pak Budi, S.Kom."), Team("lumbung", "<ÿ>")]);

        Assert.Equal(["tutor/tutor.html", "tutor/bu-ratna.html", "tutor/pak-budi-s-kom.html"], views.Select(v => v.Href));
    }

    [Fact]
    public void A_tutor_name_longer_than_a_file_name_may_be_gives_a_short_page_name_and_two_such_names_stay_apart()
    {
        var first = string.Concat(Enumerable.Repeat("Dr. Ratna ", 40));
        var second = first + "Junior";

        var views = CourseIndex.TutorViews([Team("sira", first), Team("kopi", second)]);

        Assert.All(views, v => Assert.InRange(Path.GetFileName(v.Href).Length, 1, CourseIndex.MaxTutorSlug + ".html".Length + 2));
        Assert.Equal(2, views.Select(v => v.Href).Distinct(StringComparer.Ordinal).Count());
        Assert.All(views, v => Assert.DoesNotContain("-.html", v.Href, StringComparison.Ordinal));
    }

    private static CourseTeam Team(string name, string tutor)
    {
        var week = new SiteEntry("sprint-2-week-1", "Report", "Sprint 2, Week 1", new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Student", "student");
        var student = new CourseStudent("student", "Student", $"{name}/student/index.html", week, $"{name}/student/sprint-2-week-1/index.html") { Tutor = tutor, Weeks = [week] };
        return new CourseTeam(name, $"{name}/index.html", [student], week);
    }
}
