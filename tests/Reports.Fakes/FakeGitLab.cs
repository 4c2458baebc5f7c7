using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Reports.Fakes;

/// <summary>
/// A real GitLab REST v4 look-alike on 127.0.0.1: Kestrel, GitLab's paging headers and error
/// bodies, an in-memory dataset, fault injection, latency and a request log.
/// </summary>
public sealed partial class FakeGitLab : IAsyncDisposable
{
    public const string DefaultToken = "glpat-FAKE-s3cr3t-t0ken-value";

    /// <summary>GitLab's limit on a note's body, in characters.</summary>
    public const int NoteLimit = 1_000_000;

    private const string UserKey = "fake.user";

    private const string RequestKey = "fake.request";

    private readonly WebApplication _app;
    private readonly List<FakeUser> _users = [];
    private readonly List<FakeProject> _projects = [];
    private readonly List<(string Route, string? Method, FakeFault Fault)> _faults = [];
    private readonly List<FakeGate> _gates = [];

    // Requests are served concurrently: the notes of merge requests are read and changed under this lock.
    private readonly Lock _notes = new();
    private readonly Dictionary<string, FakeUser> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private FakeUser? _tokenUser;
    private long _nextId = 1000;
    private int _inFlight;
    private int _maxInFlight;

    private FakeGitLab(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Instance URL, e.g. <c>http://127.0.0.1:53127/</c>; the API is under <c>api/v4/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string Token { get; set; } = DefaultToken;

    /// <summary>The account <see cref="Token"/> belongs to (what <c>GET /user</c> answers); a user "token-owner" when not set.</summary>
    public FakeUser TokenUser
    {
        get => _tokenUser ??= AddUser("token-owner", "Token Owner");
        set => _tokenUser = value;
    }

    /// <summary>Delay added to every request, for benchmarks and concurrency tests.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Leave out <c>Link</c> so clients must follow <c>X-Next-Page</c>.</summary>
    public bool OmitLinkHeader { get; set; }

    /// <summary>
    /// Called with every successful answer to a GET of a project, a list, approvals or the user before it
    /// is sent: a test may change its body or headers (nulls, repeats, a looping <c>Link</c>), or the
    /// dataset between two pages of a list.
    /// </summary>
    public Action<FakeAnswer>? Answering { get; set; }

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static async Task<FakeGitLab> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeGitLab(builder.Build());
        fake.MapRoutes();
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(fake._app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---- dataset ----

    public FakeUser AddUser(string username, string? name = null, bool bot = false)
    {
        var user = new FakeUser(NextId(), username, name ?? username) { Bot = bot };
        _users.Add(user);
        return user;
    }

    /// <summary>Another token the fake accepts, acting as <paramref name="user"/> (a project access token's bot, a teammate).</summary>
    public void AddToken(string token, FakeUser user) => _tokens[token] = user;

    public FakeProject AddProject(string path)
    {
        var project = new FakeProject(NextId(), path);
        _projects.Add(project);
        return project;
    }

    /// <summary>Adds a merge request authored by <paramref name="author"/> (a new user "author" when null), then lets <paramref name="configure"/> shape it.</summary>
    public FakeMergeRequest AddMergeRequest(FakeProject project, FakeUser? author = null, Action<FakeMergeRequest>? configure = null)
    {
        author ??= _users.FirstOrDefault(u => u.Username == "author") ?? AddUser("author", "Author");
        var mr = new FakeMergeRequest(this, project, NextId(), project.MergeRequests.Count + 1, author);
        configure?.Invoke(mr);
        project.MergeRequests.Add(mr);
        return mr;
    }

    // ---- faults and observation ----

    /// <summary>
    /// Serves <paramref name="fault"/> to the next <paramref name="times"/> requests whose path ends with
    /// <paramref name="route"/> ("*" for any) and, when given, whose method is <paramref name="method"/>.
    /// </summary>
    public void Fail(string route, FakeFault fault, int times = 1, string? method = null)
    {
        lock (_faults)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((route, method, fault));
            }
        }
    }

    /// <summary>
    /// Holds the next <paramref name="parties"/> requests of <paramref name="method"/> whose path ends with
    /// <paramref name="route"/> ("*" for any) until all of them have arrived, then serves them together: clients that run at
    /// the same time really interleave (each lists before any posts). Gates on one route fill in the order
    /// they were added; one that does not fill within <paramref name="timeout"/> (10 s) opens anyway.
    /// </summary>
    public void Gate(string route, string method, int parties, TimeSpan? timeout = null)
    {
        lock (_gates)
        {
            _gates.Add(new FakeGate(route, method, parties, timeout ?? TimeSpan.FromSeconds(10)));
        }
    }

    /// <summary>Requests that change something (POST, PUT, DELETE), in the order received.</summary>
    public IReadOnlyList<FakeRequest> Writes => [.. _requests.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE")];

    public int Count(Func<FakeRequest, bool> predicate) => _requests.Count(predicate);

    public void ResetLog()
    {
        _requests.Clear();
        Volatile.Write(ref _maxInFlight, 0);
    }

    internal static string Date(DateTimeOffset value) => value.Offset == TimeSpan.Zero
        ? value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    internal long NextNoteId() => NextId();

    internal string NextSha() => Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(NextId())));

    internal FakeDiscussion NewDiscussion(bool individualNote) => new(this, NextSha(), individualNote);

    private long NextId() => Interlocked.Increment(ref _nextId);

    // ---- server ----

    private void MapRoutes()
    {
        _app.Use(async (context, next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
            var request = new FakeRequest(context.Request.Method, target);
            context.Items[RequestKey] = request;
            _requests.Enqueue(request);
            var now = Interlocked.Increment(ref _inFlight);
            try
            {
                int seen;
                while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
                {
                }

                if (Latency > TimeSpan.Zero)
                {
                    await Task.Delay(Latency, context.RequestAborted);
                }

                if (TakeGate(context.Request.Path.Value ?? "", context.Request.Method) is { } gate)
                {
                    await gate.ArriveAsync(context.RequestAborted);
                }

                if (TakeFault(context.Request.Path.Value ?? "", context.Request.Method) is { } fault)
                {
                    if (fault.AfterHandling)
                    {
                        // The work is done, but its answer goes nowhere: the client never hears of it.
                        context.Response.Body = new MemoryStream();
                        await AuthorizedAsync(context, next);
                        if (fault.Stall is { } wait)
                        {
                            await Task.Delay(wait, context.RequestAborted);
                        }

                        context.Abort();
                        return;
                    }

                    if (fault.Reset)
                    {
                        context.Abort();
                        return;
                    }

                    if (fault.Stall is not { } stall)
                    {
                        await fault.WriteAsync(context);
                        return;
                    }

                    await Task.Delay(stall, context.RequestAborted);
                }

                await AuthorizedAsync(context, next);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up (attempt timeout or cancellation); nothing to answer.
            }
            finally
            {
                request.Status = context.Response.StatusCode;
                Interlocked.Decrement(ref _inFlight);
            }
        });

        _app.MapGet("/api/v4/projects/{id}", (HttpContext c, string id) =>
            Project(c, id) is { } p ? Answer(c, p.ToJson(BaseUrl)) : ProjectNotFound(c));

        _app.MapGet("/api/v4/projects/{id}/merge_requests", (HttpContext c, string id) =>
            Project(c, id) is { } p ? ListMergeRequests(c, p) : ProjectNotFound(c));

        _app.MapGet("/api/v4/projects/{id}/merge_requests/{iid}", (HttpContext c, string id, string iid) =>
        {
            if (MergeRequest(c, id, iid) is not { } mr)
            {
                return NotFound(c, id);
            }

            object json;
            lock (_notes)
            {
                json = mr.ToJson(BaseUrl);
            }

            return Json(c, 200, json);
        });

        _app.MapGet("/api/v4/projects/{id}/merge_requests/{iid}/notes", (HttpContext c, string id, string iid) =>
            MergeRequest(c, id, iid) is { } mr ? ListNotes(c, mr) : NotFound(c, id));

        _app.MapPost("/api/v4/projects/{id}/merge_requests/{iid}/notes", async (HttpContext c, string id, string iid) =>
        {
            if (MergeRequest(c, id, iid) is not { } mr)
            {
                await NotFound(c, id);
                return;
            }

            if (await NoteBodyAsync(c) is not { } body)
            {
                return;
            }

            var user = (FakeUser)c.Items[UserKey]!;
            object json;
            lock (_notes)
            {
                json = mr.AddNote(user, body, DateTimeOffset.UtcNow).Notes[0].ToJson(BaseUrl, mr);
            }

            await Json(c, 201, json);
        });

        _app.MapPut("/api/v4/projects/{id}/merge_requests/{iid}/notes/{noteId}", async (HttpContext c, string id, string iid, string noteId) =>
        {
            FakeNote? note;
            lock (_notes)
            {
                note = MergeRequest(c, id, iid) is { } found
                    ? found.Discussions.SelectMany(d => d.Notes).FirstOrDefault(n => n.Id.ToString(CultureInfo.InvariantCulture) == noteId)
                    : null;
            }

            if (note is null)
            {
                await Json(c, 404, new { message = "404 Not found" });
                return;
            }

            if (note.Author.Id != ((FakeUser)c.Items[UserKey]!).Id)
            {
                await Json(c, 403, new { message = "403 Forbidden" });
                return;
            }

            if (await NoteBodyAsync(c) is not { } body)
            {
                return;
            }

            object json;
            lock (_notes)
            {
                note.Body = body;
                note.UpdatedAt = DateTimeOffset.UtcNow;
                json = note.ToJson(BaseUrl, MergeRequest(c, id, iid)!);
            }

            await Json(c, 200, json);
        });

        // As GitLab: 204 without a body; 404 for a note that is not there (already deleted); 403 for another author's note.
        _app.MapDelete("/api/v4/projects/{id}/merge_requests/{iid}/notes/{noteId}", (HttpContext c, string id, string iid, string noteId) =>
        {
            if (MergeRequest(c, id, iid) is not { } mr)
            {
                return NotFound(c, id);
            }

            var user = (FakeUser)c.Items[UserKey]!;
            lock (_notes)
            {
                var discussion = mr.Discussions.FirstOrDefault(d => d.Notes.Any(n => n.Id.ToString(CultureInfo.InvariantCulture) == noteId));
                var note = discussion?.Notes.First(n => n.Id.ToString(CultureInfo.InvariantCulture) == noteId);
                if (discussion is null || note is null)
                {
                    return Json(c, 404, new { message = "404 Not found" });
                }

                if (note.Author.Id != user.Id)
                {
                    return Json(c, 403, new { message = "403 Forbidden" });
                }

                discussion.Notes.Remove(note);
                if (discussion.Notes.Count == 0)
                {
                    mr.Discussions.Remove(discussion);
                }
            }

            c.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        _app.MapGet("/api/v4/user", (HttpContext c) =>
        {
            var user = (FakeUser)c.Items[UserKey]!;
            var json = JsonSerializer.SerializeToNode(user.ToJson(BaseUrl))!.AsObject();
            json["bot"] = user.Bot;
            return Answer(c, json);
        });

        _app.MapGet("/api/v4/projects/{id}/merge_requests/{iid}/discussions", (HttpContext c, string id, string iid) =>
            MergeRequest(c, id, iid) is { } mr
                ? Locked(() => Paged(c, mr.Discussions, d => d.ToJson(BaseUrl, mr)))
                : NotFound(c, id));

        _app.MapGet("/api/v4/projects/{id}/merge_requests/{iid}/commits", (HttpContext c, string id, string iid) =>
            MergeRequest(c, id, iid) is { } mr
                ? Paged(c, mr.Commits, x => x.ToJson(BaseUrl, mr))
                : NotFound(c, id));

        _app.MapGet("/api/v4/projects/{id}/merge_requests/{iid}/approvals", (HttpContext c, string id, string iid) =>
            MergeRequest(c, id, iid) is { } mr
                ? Answer(c, new
                {
                    id = mr.Id,
                    iid = mr.Iid,
                    project_id = mr.Project.Id,
                    approved = mr.ApprovedBy.Count > 0,
                    approved_by = mr.ApprovedBy.Select(u => new { user = u.ToJson(BaseUrl) }).ToList(),
                })
                : NotFound(c, id));

        _app.MapGet("/api/v4/users", (HttpContext c) =>
        {
            var username = c.Request.Query["username"].ToString();
            var found = _users.Where(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
            return Paged(c, [.. found], u => u.ToJson(BaseUrl));
        });

        MapAccountRoutes();
    }

    /// <summary>Runs the route as the token's user, or answers 401 when the token is unknown.</summary>
    private async Task AuthorizedAsync(HttpContext context, RequestDelegate next)
    {
        var token = context.Request.Headers["PRIVATE-TOKEN"].ToString();
        var bearer = context.Request.Headers.Authorization.ToString();
        var given = token.Length > 0 ? token : bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : "";
        FakeUser? user = given == Token ? TokenUser : _tokens.GetValueOrDefault(given);
        if (user is null)
        {
            await Json(context, 401, new { message = "401 Unauthorized" });
            return;
        }

        context.Items[UserKey] = user;
        await next(context);
    }

    private FakeGate? TakeGate(string path, string method)
    {
        lock (_gates)
        {
            return _gates.FirstOrDefault(g => g.TryTake(path, method));
        }
    }

    /// <summary>Runs <paramref name="read"/> (whose synchronous part maps the notes) under the notes' lock.</summary>
    private T Locked<T>(Func<T> read)
    {
        lock (_notes)
        {
            return read();
        }
    }

    private FakeFault? TakeFault(string path, string method)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f =>
                (f.Route == "*" || path.EndsWith(f.Route, StringComparison.Ordinal)) && (f.Method is null || f.Method == method));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private FakeProject? Project(HttpContext context, string id)
    {
        var key = Uri.UnescapeDataString(id);
        return _projects.FirstOrDefault(p => p.Path == key || p.Id.ToString(CultureInfo.InvariantCulture) == key);
    }

    private FakeMergeRequest? MergeRequest(HttpContext context, string id, string iid) =>
        Project(context, id)?.MergeRequests.FirstOrDefault(m => m.Iid.ToString(CultureInfo.InvariantCulture) == iid);

    private Task ListMergeRequests(HttpContext context, FakeProject project)
    {
        var query = context.Request.Query;
        IEnumerable<FakeMergeRequest> found = project.MergeRequests;
        var state = query["state"].ToString();
        if (state is not ("" or "all"))
        {
            found = found.Where(m => m.State == state);
        }

        foreach (var (name, keep) in new (string, Func<FakeMergeRequest, DateTimeOffset, bool>)[]
        {
            ("updated_after", (m, d) => m.EffectiveUpdatedAt >= d),
            ("updated_before", (m, d) => m.EffectiveUpdatedAt <= d),
            ("created_after", (m, d) => m.CreatedAt >= d),
            ("created_before", (m, d) => m.CreatedAt <= d),
        })
        {
            // ASP.NET decodes '+' as a space, as Rails does: an unescaped offset is invalid.
            var raw = query[name].ToString();
            if (raw.Length == 0)
            {
                continue;
            }

            if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var bound) || raw.Contains(' '))
            {
                return Json(context, 400, new { error = $"{name} is invalid" });
            }

            found = found.Where(m => keep(m, bound));
        }

        var author = query["author_username"].ToString();
        if (author.Length > 0)
        {
            found = found.Where(m => m.Author.Username == author);
        }

        // As GitLab: order_by created_at (default) or updated_at, sort desc (default) or asc.
        Func<FakeMergeRequest, DateTimeOffset> key = query["order_by"].ToString() == "updated_at" ? m => m.EffectiveUpdatedAt : m => m.CreatedAt;
        var ordered = found.OrderByDescending(key).ThenByDescending(m => m.Id).ToList();
        if (query["sort"].ToString() == "asc")
        {
            ordered.Reverse();
        }

        return Paged(context, ordered, m => m.ToJson(BaseUrl));
    }

    /// <summary>Every note of the merge request, by <c>order_by</c> (created_at or updated_at) and <c>sort</c> (desc by default, as GitLab).</summary>
    private Task ListNotes(HttpContext context, FakeMergeRequest mr)
    {
        var byUpdate = context.Request.Query["order_by"].ToString() == "updated_at";
        lock (_notes)
        {
            var notes = mr.Discussions.SelectMany(d => d.Notes)
                .OrderBy(n => byUpdate ? n.UpdatedAt ?? n.CreatedAt : n.CreatedAt)
                .ThenBy(n => n.Id)
                .ToList();
            if (context.Request.Query["sort"].ToString() != "asc")
            {
                notes.Reverse();
            }

            // The page is taken and mapped before Paged first awaits, so inside the lock.
            return Paged(context, notes, n => n.ToJson(BaseUrl, mr));
        }
    }

    /// <summary><c>body</c> from a JSON or form request, checked as GitLab does; null once an error is answered.</summary>
    private static async Task<string?> NoteBodyAsync(HttpContext context)
    {
        string? body = null;
        if (context.Request.HasFormContentType)
        {
            body = (await context.Request.ReadFormAsync(context.RequestAborted))["body"].FirstOrDefault();
        }
        else
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = json.RootElement.TryGetProperty("body", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            await Json(context, 400, new { error = "body is missing" });
            return null;
        }

        // Rails counts characters, not UTF-16 units.
        if (body.EnumerateRunes().Count() > NoteLimit)
        {
            await Json(context, 400, new { message = new { note = new[] { $"is too long (maximum is {NoteLimit} characters)" } } });
            return null;
        }

        return body;
    }

    /// <summary>GitLab's offset paging: default 20, max 100, X-* headers and a Link header.</summary>
    private Task Paged<T>(HttpContext context, IReadOnlyList<T> items, Func<T, object> map)
    {
        var page = Positive(context.Request.Query["page"].ToString(), 1);
        var perPage = Math.Min(Positive(context.Request.Query["per_page"].ToString(), 20), 100);
        var totalPages = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var slice = items.Skip((page - 1) * perPage).Take(perPage).Select(map).ToList();

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        headers["X-Page"] = Text(page);
        headers["X-Per-Page"] = Text(perPage);
        headers["X-Total"] = Text(items.Count);
        headers["X-Total-Pages"] = Text(totalPages);
        headers["X-Next-Page"] = page < totalPages ? Text(page + 1) : "";
        headers["X-Prev-Page"] = page > 1 && page <= totalPages + 1 ? Text(page - 1) : "";
        if (!OmitLinkHeader)
        {
            var links = new List<string>();
            if (page > 1)
            {
                links.Add($"<{PageUrl(context, page - 1)}>; rel=\"prev\"");
            }

            if (page < totalPages)
            {
                links.Add($"<{PageUrl(context, page + 1)}>; rel=\"next\"");
            }

            links.Add($"<{PageUrl(context, 1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(context, totalPages)}>; rel=\"last\"");
            headers["Link"] = string.Join(", ", links);
        }

        return Answer(context, slice, page, headers);
    }

    /// <summary>A 200 with <paramref name="body"/> as JSON, after <see cref="Answering"/> had its say.</summary>
    private async Task Answer(HttpContext context, object body, int? page = null, IDictionary<string, string>? headers = null)
    {
        var answer = new FakeAnswer((FakeRequest)context.Items[RequestKey]!, page, headers ?? new Dictionary<string, string>(), JsonSerializer.SerializeToNode(body));
        Answering?.Invoke(answer);
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body?.ToJsonString() ?? "null", context.RequestAborted);
    }

    /// <summary>The request's own URL with another page number, keeping the query as it was encoded.</summary>
    private string PageUrl(HttpContext context, int page)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var parts = target.Split('?', 2);
        var pairs = (parts.Length > 1 ? parts[1] : "")
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("page=", StringComparison.Ordinal))
            .Append($"page={Text(page)}");
        return $"{BaseUrl.GetLeftPart(UriPartial.Authority)}{parts[0]}?{string.Join('&', pairs)}";
    }

    private static int Positive(string value, int fallback) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Task ProjectNotFound(HttpContext context) => Json(context, 404, new { message = "404 Project Not Found" });

    private Task NotFound(HttpContext context, string id) =>
        Project(context, id) is null ? ProjectNotFound(context) : Json(context, 404, new { message = "404 Not found" });

    private static async Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
