using System.Net;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Fakes;
using Reports.GitLab;

namespace Reports.Tests.GitLab;

public sealed class GitLabClientErrorTests
{
    [Fact]
    public async Task A_wrong_token_gives_a_401_GitLabException_naming_the_env_var_and_read_api_without_the_token()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        const string wrongToken = "glpat-WRONG-but-still-secret";
        var config = new GitLabConfig { Url = fake.BaseUrl, Projects = ["ppl/sira-backend"], TokenEnv = "SIRA_GITLAB_TOKEN" };

        using var client = GitLabClient.FromConfig(config, name => name == "SIRA_GITLAB_TOKEN" ? wrongToken : null, FastClient.Options);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(ExitCode.RemoteFailure, CommandRunner.ExitCodeOf(error));
        Assert.Contains("SIRA_GITLAB_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("read_api", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("401 Unauthorized", error.GitLabMessage);
        Assert.DoesNotContain(wrongToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, error.Endpoint, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_403_also_names_the_env_var_and_read_api()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.Json(403, """{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"read_api"}"""));

        using var client = FastClient.For(fake, FastClient.Options with { TokenEnv = "GITLAB_TOKEN" });
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("GITLAB_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("read_api", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("insufficient_scope: The request requires higher privileges", error.GitLabMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task The_token_appears_in_no_exception_even_when_a_body_echoes_it(int status)
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.Text(status, $"bad token {FakeGitLab.DefaultToken} in PRIVATE-TOKEN"), times: 10);

        using var client = FastClient.For(fake);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.DoesNotContain(FakeGitLab.DefaultToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitLab.DefaultToken, error.GitLabMessage ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_project_says_which_project_and_to_check_the_path_or_access()
    {
        await using var fake = await FakeGitLab.StartAsync();

        using var client = FastClient.For(fake);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/nope"));
        var listError = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/nope").ToListAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal($"project 'ppl/nope' not found at {fake.BaseUrl}: check the path or the token's access", error.Message);
        Assert.Equal(error.Message, listError.Message);
        Assert.Equal("404 Project Not Found", error.GitLabMessage);
    }

    [Theory]
    [InlineData("application/json", """{"message":"404 Not found"}""", "404 Not found")]
    [InlineData("application/json", """{"message":{"title":["can't be blank","is too short"],"labels":["is invalid"]}}""", "title: can't be blank, is too short; labels: is invalid")]
    [InlineData("application/json", """{"message":["first problem","second problem"]}""", "first problem, second problem")]
    [InlineData("application/json", """{"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."}""", "invalid_token: Token is expired. You can either do re-authorization or token refresh.")]
    [InlineData("application/json", """{"error":"updated_after is invalid"}""", "updated_after is invalid")]
    [InlineData("text/plain", "Retry later\n", "Retry later")]
    [InlineData("text/html", "<html><head><title>400 Bad Request</title></head><body><h1>nginx</h1></body></html>", "400 Bad Request")]
    [InlineData("text/html", "<html><body><h1>Oops</h1><p>Something   went wrong</p></body></html>", "Oops Something went wrong")]
    public async Task GitLabs_message_is_read_from_every_error_body_shape(string contentType, string body, string expected)
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.Text(400, body, contentType));

        using var client = FastClient.For(fake);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(expected, error.GitLabMessage);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_success_body_that_is_not_JSON_gives_a_GitLabException()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Fail("*", FakeFault.Text(200, "<html><title>Sign in</title></html>", "text/html"));

        using var client = FastClient.For(fake);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("not the expected JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_token_variable_is_a_config_error_naming_the_variable()
    {
        var config = new GitLabConfig { Url = new Uri("https://gitlab.example.com"), Projects = ["1"], TokenEnv = "MY_TOKEN" };

        var error = Assert.Throws<EvidenceException>(() => GitLabClient.FromConfig(config, _ => null));

        Assert.Contains("MY_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("read_api", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_in_the_instance_URL_are_dropped_and_never_shown()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var withSecret = new UriBuilder(fake.BaseUrl) { UserName = "oauth2", Password = "url-secret" }.Uri;

        using var client = new GitLabClient(withSecret, fake.Token, FastClient.Options);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/nope"));

        Assert.Equal(fake.BaseUrl, client.Instance);
        Assert.DoesNotContain("url-secret", error.ToString(), StringComparison.Ordinal);
    }
}
