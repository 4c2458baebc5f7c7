using Reports.Analysis.Reviews;

namespace Reports.Tests.Analysis.Reviews;

/// <summary>Positive callouts: bullets under a "positive"/"praise" section of the student's summary note.</summary>
public sealed class PositiveCalloutsTests
{
    [Fact]
    public void Bullets_under_a_bold_positive_callouts_line_are_read_until_the_next_section()
    {
        var summary = """
            Thanks for the MR, overall a solid piece of work. Review below.

            **Positive callouts:**
            - Clean separation between shared infra (no profile) and slot services (profiled)
            - Conditional copy for `upstream-active.conf` correctly preserves routing state on redeploy
            - **Celery Sentry test rewrite** using `importlib.reload` was a real fix, not cosmetic

            **P0 issues (5 blockers):**
            - Dual Celery Beat during deploy-to-promote window
            - Nginx reload failure not checked
            """;

        Assert.Equal(
            [
                "Clean separation between shared infra (no profile) and slot services (profiled)",
                "Conditional copy for `upstream-active.conf` correctly preserves routing state on redeploy",
                "**Celery Sentry test rewrite** using `importlib.reload` was a real fix, not cosmetic",
            ],
            PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Heading_section_with_star_plus_and_numbered_bullets_is_read()
    {
        var summary = "## Summary\r\nLooks good.\r\n\r\n## Positives\r\n* **TDD discipline visible in commit history**\r\n+ Confirmation dialog tested for both paths\r\n1. _Cache invalidation covers both queries_\r\n\r\n## Issues\r\n- missing guard\r\n";

        Assert.Equal(
            ["TDD discipline visible in commit history", "Confirmation dialog tested for both paths", "Cache invalidation covers both queries"],
            PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Praise_heading_in_any_case_counts()
    {
        var summary = """
            ### What I liked (PRAISE)
            - small, focused commits
            ### Findings
            - see threads
            """;

        Assert.Equal(["small, focused commits"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Plain_label_line_with_intro_sentence_and_wrapped_bullet_is_read()
    {
        var summary = """
            Positive callouts:
            Things I want to highlight:
            - The migration is reversible and
              tested in both directions
            - Good error messages

            Overall: please address the P0s before merge.
            - not a callout
            """;

        Assert.Equal(
            ["The migration is reversible and tested in both directions", "Good error messages"],
            PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Nested_bullets_are_details_of_their_parent_not_callouts()
    {
        var summary = """
            **Positives**
            - Thorough tests
              - accept path
              - reject path
            - Clear naming
            """;

        Assert.Equal(["Thorough tests", "Clear naming"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Bullets_in_fenced_code_under_a_positive_heading_are_ignored()
    {
        var summary = """
            ## Positives
            - Nice helper
            ```yaml
            - not: a callout
            ```
            """;

        Assert.Equal(["Nice helper"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Summary_without_a_positive_section_has_no_callouts()
    {
        var summary = """
            ## Issues
            - P0: lock never released
            - P1: rollback unchecked
            """;

        Assert.Empty(PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Two_positive_sections_are_both_read()
    {
        var summary = """
            ## Backend positives
            - guards in the service layer
            ## Issues
            - none blocking
            ## Frontend positives
            - [x] dialog has both paths tested
            """;

        Assert.Equal(["guards in the service layer", "dialog has both paths tested"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Nested_bullets_under_a_bold_positives_bullet_are_read_until_its_sibling()
    {
        var summary = """
            Review summary for !118:
            - **Positives:**
              - TDD discipline visible in commit history
              - Confirmation dialog tested for both accept and reject paths
            - **Issues:**
              - CANCELED invoices can still be edited
            - Overall good work
            """;

        Assert.Equal(
            ["TDD discipline visible in commit history", "Confirmation dialog tested for both accept and reject paths"],
            PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Bullet_that_merely_mentions_praise_is_a_callout_not_a_heading()
    {
        var summary = """
            ## Praise
            - the team deserves praise for the test suite
            - fast pipeline
            """;

        Assert.Equal(["the team deserves praise for the test suite", "fast pipeline"], PositiveCallouts.FromSummary(summary));
    }
}
