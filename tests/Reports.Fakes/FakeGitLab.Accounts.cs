using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reports.Fakes;

/// <summary>The fake's account routes: a token's own record (its scopes) and a project's members.</summary>
public sealed partial class FakeGitLab
{
    private readonly Dictionary<string, IReadOnlyList<string>> _scopes = new(StringComparer.Ordinal);

    /// <summary>
    /// The scopes <c>GET /personal_access_tokens/self</c> reports for <see cref="Token"/> and for tokens
    /// without their own (<see cref="SetScopes"/>); null answers 404, as GitLab before 15.5 does.
    /// </summary>
    public IReadOnlyList<string>? TokenScopes { get; set; } = ["read_api"];

    /// <summary>The scopes reported for <paramref name="token"/> (one added with <see cref="AddToken"/>).</summary>
    public void SetScopes(string token, IReadOnlyList<string> scopes) => _scopes[token] = scopes;

    private void MapAccountRoutes()
    {
        _app.MapGet("/api/v4/personal_access_tokens/self", (HttpContext c) =>
        {
            var token = c.Request.Headers["PRIVATE-TOKEN"].ToString();
            var scopes = _scopes.GetValueOrDefault(token) ?? TokenScopes;
            if (scopes is null)
            {
                return Json(c, 404, new { message = "404 Not Found" });
            }

            var user = (FakeUser)c.Items[UserKey]!;
            return Answer(c, new { id = 1, name = "evidence", revoked = false, active = true, scopes, user_id = user.Id, expires_at = (string?)null });
        });

        _app.MapGet("/api/v4/projects/{id}/members/all", (HttpContext c, string id) =>
            Project(c, id) is { } p
                ? Paged(c, p.Members, m => new { id = m.User.Id, username = m.User.Username, name = m.User.Name, state = "active", access_level = m.AccessLevel })
                : ProjectNotFound(c));
    }
}
