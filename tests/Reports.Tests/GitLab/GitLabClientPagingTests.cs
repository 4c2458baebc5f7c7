using Reports.GitLab;
using Reports.Fakes;

namespace Reports.Tests.GitLab;

public sealed class GitLabClientPagingTests
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);

    [Fact]
    public async Task More_than_one_hundred_merge_requests_are_read_by_following_the_Link_header_with_per_page_100()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 230; i++)
        {
            fake.AddMergeRequest(project);
        }

        using var client = FastClient.For(fake);
        var since = new DateTimeOffset(2025, 3, 1, 0, 0, 0, Jakarta);
        var mrs = await client.MergeRequests.ListAsync("ppl/sira-backend", new MergeRequestQuery { UpdatedAfter = since }).ToListAsync();

        Assert.Equal(230, mrs.Count);
        Assert.Equal(230, mrs.Select(m => m.Iid).Distinct().Count());
        var requests = fake.Requests.Where(r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Contains("per_page=100", r.Query, StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query.Contains("page=3", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Contains("updated_after=2025-03-01T00%3A00%3A00%2B07%3A00", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_follows_X_Next_Page_when_the_Link_header_is_absent()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.OmitLinkHeader = true;
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 150; i++)
        {
            fake.AddMergeRequest(project);
        }

        using var client = FastClient.For(fake);
        var query = new MergeRequestQuery { State = "all", UpdatedAfter = new DateTimeOffset(2025, 3, 1, 0, 0, 0, Jakarta) };
        var mrs = await client.MergeRequests.ListAsync("ppl/sira-backend", query).ToListAsync();

        Assert.Equal(150, mrs.Count);
        var requests = fake.Requests.Where(r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("page=2", requests[1].Query, StringComparison.Ordinal);
        Assert.Contains("state=all", requests[1].Query, StringComparison.Ordinal);
        Assert.Contains("%2B07%3A00", requests[1].Query, StringComparison.Ordinal);
        Assert.Equal("/api/v4/projects/ppl%2Fsira-backend/merge_requests", requests[1].Path);
    }

    [Fact]
    public async Task More_than_twenty_discussions_are_all_read_because_per_page_is_100()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var student = fake.AddUser("student");
        var mr = fake.AddMergeRequest(project);
        for (var i = 0; i < 130; i++)
        {
            mr.AddThread(student, $"P2: finding {i}", FakeMergeRequest.DefaultCreatedAt.AddMinutes(i));
        }

        using var client = FastClient.For(fake);
        var discussions = await client.MergeRequests.ListDiscussionsAsync("ppl/sira-backend", mr.Iid).ToListAsync();

        Assert.Equal(130, discussions.Count);
        Assert.Equal("P2: finding 129", discussions[^1].Notes![0].Body);
        var requests = fake.Requests.Where(r => r.Path.EndsWith("/discussions", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Contains("per_page=100", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Updated_after_with_a_plus_seven_offset_is_sent_with_the_plus_as_percent_2B()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        fake.AddMergeRequest(project, configure: m => m.CreatedAt = new DateTimeOffset(2025, 3, 20, 9, 0, 0, Jakarta));
        var recent = fake.AddMergeRequest(project, configure: m => m.CreatedAt = new DateTimeOffset(2025, 3, 24, 0, 30, 0, Jakarta));

        using var client = FastClient.For(fake);
        var query = new MergeRequestQuery { State = "all", UpdatedAfter = new DateTimeOffset(2025, 3, 24, 0, 0, 0, Jakarta) };
        var mrs = await client.MergeRequests.ListAsync("ppl/sira-backend", query).ToListAsync();

        Assert.Equal([recent.Iid], mrs.Select(m => m.Iid));
        var sent = Assert.Single(fake.Requests).Query;
        Assert.Contains("updated_after=2025-03-24T00%3A00%3A00%2B07%3A00", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("+", sent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ppl/sira-backend", "/api/v4/projects/ppl%2Fsira-backend")]
    [InlineData("group/sub/app", "/api/v4/projects/group%2Fsub%2Fapp")]
    public async Task A_project_path_is_sent_with_slashes_as_percent_2F(string path, string expected)
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject(path);

        using var client = FastClient.For(fake);
        var project = await client.Projects.GetAsync(path);

        Assert.Equal(path, project.PathWithNamespace);
        Assert.Equal(expected, Assert.Single(fake.Requests).Path);
    }

    [Fact]
    public async Task A_project_is_found_by_its_numeric_id()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var added = fake.AddProject("ppl/sira-backend");

        using var client = FastClient.For(fake);
        var project = await client.Projects.GetAsync(added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(added.Id, project.Id);
        Assert.Equal($"/api/v4/projects/{added.Id}", Assert.Single(fake.Requests).Path);
    }

    [Fact]
    public async Task Dates_in_Z_and_plus_seven_are_read_as_the_same_instant()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var student = fake.AddUser("student");
        var at = new DateTimeOffset(2025, 3, 27, 10, 15, 0, Jakarta);
        var mr = fake.AddMergeRequest(project);
        mr.AddCommit("student@example.com", "Fix pagination", at);
        mr.AddThread(student, "P1: bug", at.ToUniversalTime());

        using var client = FastClient.For(fake);
        var commit = Assert.Single(await client.MergeRequests.ListCommitsAsync("ppl/sira-backend", mr.Iid).ToListAsync());
        var note = Assert.Single(await client.MergeRequests.ListDiscussionsAsync("ppl/sira-backend", mr.Iid).ToListAsync()).Notes![0];

        Assert.Equal(TimeSpan.FromHours(7), commit.AuthoredDate!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, note.CreatedAt!.Value.Offset);
        Assert.Equal(commit.AuthoredDate, note.CreatedAt);
        Assert.Equal("student@example.com", commit.AuthorEmail);
    }

    [Fact]
    public async Task Diff_notes_carry_their_position_and_resolution_and_a_missing_resolved_at_is_null()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var student = fake.AddUser("student");
        var author = fake.AddUser("alice");
        var mr = fake.AddMergeRequest(project, author);
        var at = FakeMergeRequest.DefaultCreatedAt.AddHours(1);
        mr.AddThread(student, "P1: off by one", at, new FakePosition("src/Pager.cs", 42)).Resolve(author, at.AddHours(1));
        mr.AddThread(student, "nitpick: name", at).Resolve(author, at.AddHours(1), recordTime: false);
        mr.AddSystemNote(author, "approved this merge request", at);

        using var client = FastClient.For(fake);
        var discussions = await client.MergeRequests.ListDiscussionsAsync("ppl/sira-backend", mr.Iid).ToListAsync();

        var diff = discussions[0].Notes![0];
        Assert.Equal("DiffNote", diff.Type);
        Assert.Equal("src/Pager.cs", diff.Position!.NewPath);
        Assert.Equal(42, diff.Position.NewLine);
        Assert.True(diff.Resolved);
        Assert.Equal(at.AddHours(1), diff.ResolvedAt);
        Assert.Equal("alice", diff.ResolvedBy!.Username);
        Assert.Equal(40, discussions[0].Id!.Length);
        Assert.False(discussions[0].IndividualNote);
        Assert.True(discussions[1].Notes![0].Resolved);
        Assert.Null(discussions[1].Notes![0].ResolvedAt);
        Assert.True(discussions[2].Notes![0].System);
        Assert.True(discussions[2].IndividualNote);
    }

    [Fact]
    public async Task Merge_request_fields_are_read_including_a_missing_merge_user()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var student = fake.AddUser("student", "Student");
        var mergedAt = new DateTimeOffset(2025, 3, 25, 16, 0, 0, Jakarta);
        fake.AddMergeRequest(project, configure: m =>
        {
            m.Title = "SIRA-125 paging";
            m.Description = "Closes SIRA-125";
            m.Merge(student, mergedAt, legacy: true);
        });

        using var client = FastClient.For(fake);
        var mr = Assert.Single(await client.MergeRequests.ListAsync("ppl/sira-backend", new MergeRequestQuery { State = "merged" }).ToListAsync());

        Assert.Null(mr.MergeUser);
        Assert.Equal("student", mr.MergedBy!.Username);
        Assert.Equal(mergedAt, mr.MergedAt);
        Assert.Equal("merged", mr.State);
        Assert.Equal("SIRA-125 paging", mr.Title);
        Assert.Equal("!1", mr.References!.Short);
        Assert.EndsWith("/ppl/sira-backend/-/merge_requests/1", mr.WebUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approvals_list_the_approving_users()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var student = fake.AddUser("student");
        var mr = fake.AddMergeRequest(project);
        mr.ApprovedBy.Add(student);

        using var client = FastClient.For(fake);
        var approvals = await client.MergeRequests.GetApprovalsAsync("ppl/sira-backend", mr.Iid);

        Assert.True(approvals.Approved);
        Assert.Equal("student", Assert.Single(approvals.ApprovedBy!).User!.Username);
    }

    [Fact]
    public async Task A_user_is_found_by_username_and_an_unknown_one_is_null()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var student = fake.AddUser("abhipraya", "Abhipraya");

        using var client = FastClient.For(fake);

        Assert.Equal(student.Id, (await client.Users.GetByUsernameAsync("abhipraya"))!.Id);
        Assert.Null(await client.Users.GetByUsernameAsync("nobody"));
    }

    [Fact]
    public async Task The_API_URL_itself_as_CI_API_V4_URL_gives_it_is_accepted_as_the_instance_URL()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");

        using var client = new GitLabClient(new Uri(fake.BaseUrl, "api/v4"), fake.Token, FastClient.Options);
        var project = await client.Projects.GetAsync("ppl/sira-backend");

        Assert.Equal("ppl/sira-backend", project.PathWithNamespace);
        Assert.Equal(fake.BaseUrl, client.Instance);
    }
}
