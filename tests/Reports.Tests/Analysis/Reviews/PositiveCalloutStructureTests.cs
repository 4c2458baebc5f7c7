using Reports.Analysis.Reviews;

namespace Reports.Tests.Analysis.Reviews;

/// <summary>Positive callouts read from the Markdown structure: list nesting, fences, quotes and lazy lines.</summary>
public sealed class PositiveCalloutStructureTests
{
    [Fact]
    public void Only_the_first_level_under_a_positives_bullet_counts_however_deep_the_details_go()
    {
        var summary = """
            - **Positives:**
              - Clear naming
                - `InvoiceState` reads like the spec
                  - even in the tests
              - Small commits
            - **Issues:**
              - missing guard
            """;

        Assert.Equal(["Clear naming", "Small commits"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Details_under_a_numbered_callout_are_left_out()
    {
        var summary = "## Positives\n1. Clear naming\n   - because the spec uses it\n2. Good tests\n";

        Assert.Equal(["Clear naming", "Good tests"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Title_line_right_under_the_last_bullet_ends_the_section()
    {
        var summary = "**Positives:**\n- TDD visible\n**Issues:**\n- missing guard\n";

        Assert.Equal(["TDD visible"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Quoted_and_tilde_fenced_bullets_are_neither_callouts_nor_part_of_one()
    {
        var summary = "## Positives\n- Nice helper\n~~~\n- not: a callout\n~~~\n> - quoted praise\n";

        Assert.Equal(["Nice helper"], PositiveCallouts.FromSummary(summary));
    }

    [Fact]
    public void Title_line_right_after_a_quote_opens_the_section()
    {
        var summary = "> the MR description says: ready\n**Positives:**\n- clear commits\n";

        Assert.Equal(["clear commits"], PositiveCallouts.FromSummary(summary));
    }
}
