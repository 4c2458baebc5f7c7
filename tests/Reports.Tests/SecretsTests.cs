namespace Reports.Tests;

public sealed class SecretsTests
{
    [Theory]
    [InlineData("error: '--format' got glpat-AbCdEf123456_-xyz", "error: '--format' got [redacted]")]
    [InlineData("key lin_api_0123456789abcdef in a comment", "key [redacted] in a comment")]
    [InlineData("a deploy token gldt-abcdefgh12 here", "a deploy token [redacted] here")]
    public void Text_shaped_like_a_token_is_redacted_even_when_this_run_never_read_it(string text, string redacted)
    {
        Assert.Equal(redacted, Secrets.Redact(text));
    }

    [Theory]
    [InlineData("the glpat- prefix alone")]
    [InlineData("lin_api_short")]
    [InlineData("an ordinary sentence about linear and gitlab")]
    public void Text_that_only_mentions_a_prefix_is_left_alone(string text)
    {
        Assert.Equal(text, Secrets.Redact(text));
    }
}
