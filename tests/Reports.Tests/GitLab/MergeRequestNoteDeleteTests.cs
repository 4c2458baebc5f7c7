using System.Net;
using Reports.Fakes;
using Reports.GitLab;

namespace Reports.Tests.GitLab;

/// <summary><c>DELETE /projects/:id/merge_requests/:iid/notes/:note_id</c> against the fake, answered as GitLab answers it.</summary>
public sealed class MergeRequestNoteDeleteTests
{
    [Fact]
    public async Task Deleting_a_note_of_ones_own_removes_it_and_deleting_it_again_reports_it_already_gone()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var mr = fake.AddMergeRequest(project);
        var note = mr.AddNote(fake.TokenUser, "mine", DateTimeOffset.UtcNow).Notes[0];
        using var client = FastClient.For(fake);

        var first = await client.Notes.DeleteAsync(project.Path, mr.Iid, note.Id);
        var second = await client.Notes.DeleteAsync(project.Path, mr.Iid, note.Id);

        for (var waited = 0; fake.Requests.Any(r => r.Status == 0) && waited < 5_000; waited += 10)
        {
            await Task.Delay(10); // the fake records a status once its middleware finishes, which a client can outrun
        }

        Assert.Equal((true, false), (first, second));
        Assert.Empty(mr.Discussions);
        Assert.Equal([("DELETE", 204), ("DELETE", 404)], fake.Writes.Select(w => (w.Method, w.Status)));
    }

    [Fact]
    public async Task Deleting_another_accounts_note_is_refused_with_a_GitLabException_and_the_note_stays()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var mr = fake.AddMergeRequest(project);
        var note = mr.AddNote(fake.AddUser("alice"), "hers", DateTimeOffset.UtcNow).Notes[0];
        using var client = FastClient.For(fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Notes.DeleteAsync(project.Path, mr.Iid, note.Id));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(mr.Discussions);
        Assert.Single(fake.Writes);
        Assert.DoesNotContain(fake.Token, error.Message, StringComparison.Ordinal);
    }
}
