using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reports.Fakes;

/// <summary>
/// A Linear GraphQL look-alike on 127.0.0.1: Kestrel, an in-memory dataset, queries validated
/// against Linear's published schema and executed with graphql-dotnet, Linear's error shapes
/// (<c>AUTHENTICATION_ERROR</c> 401, <c>GRAPHQL_VALIDATION_FAILED</c> 400, <c>Entity not found</c>,
/// <c>RATELIMITED</c> 400 via <see cref="FakeFault.LinearRateLimited"/>), its complexity limit, fault
/// injection, latency and a request log.
/// </summary>
public sealed class FakeLinear : IAsyncDisposable
{
    public const string DefaultApiKey = "lin_api_FAKE_s3cr3t_k3y_value";

    private static readonly DocumentExecuter Executer = new();

    private readonly WebApplication _app;
    private readonly List<FakeLinearUser> _users = [];
    private readonly List<FakeLinearTeam> _teams = [];
    private readonly List<FakeLinearIssue> _issues = [];
    private readonly List<(string Operation, FakeFault Fault)> _faults = [];
    private readonly ConcurrentQueue<FakeLinearRequest> _requests = new();
    private int _nextId = 1000;

    private FakeLinear(WebApplication app)
    {
        _app = app;
        Viewer = AddUser("Key Owner", "owner@example.com", DefaultApiKey);
    }

    /// <summary>The GraphQL endpoint, e.g. <c>http://127.0.0.1:53127/graphql</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The account <see cref="DefaultApiKey"/> belongs to.</summary>
    public FakeLinearUser Viewer { get; }

    /// <summary>Delay added to every request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Called with the answer to every executed query before it is sent: a test may change its body
    /// (null or repeated nodes, cursors that loop or never end) or the dataset between two pages.
    /// </summary>
    public Action<FakeLinearAnswer>? Answering { get; set; }

    public IReadOnlyList<FakeLinearRequest> Requests => [.. _requests];

    public static async Task<FakeLinear> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeLinear(builder.Build());
        fake._app.MapPost("/graphql", fake.HandleAsync);
        _ = FakeLinearResolvers.Schema;
        await fake._app.StartAsync();
        fake.Url = new Uri(fake._app.Urls.First().TrimEnd('/') + "/graphql");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---- dataset ----

    /// <summary>Adds an account; give it an <paramref name="apiKey"/> to let requests act as it.</summary>
    public FakeLinearUser AddUser(string name, string email, string? apiKey = null)
    {
        var user = new FakeLinearUser(NextId("user"), name, email) { ApiKey = apiKey };
        _users.Add(user);
        return user;
    }

    public FakeLinearTeam AddTeam(string key, string? name = null)
    {
        var team = new FakeLinearTeam(NextId("team"), key, name ?? key);
        _teams.Add(team);
        return team;
    }

    /// <summary>
    /// Adds the team's next issue (or the one numbered <paramref name="number"/>), created by
    /// <paramref name="creator"/>, then lets <paramref name="configure"/> shape it.
    /// </summary>
    public FakeLinearIssue AddIssue(FakeLinearTeam team, FakeLinearUser? creator = null, Action<FakeLinearIssue>? configure = null, int? number = null)
    {
        var issue = new FakeLinearIssue(NextId("issue"), team, number ?? _issues.Count(i => i.Team == team) + 1) { Creator = creator };
        configure?.Invoke(issue);
        _issues.Add(issue);
        return issue;
    }

    // ---- faults and observation ----

    /// <summary>Serves <paramref name="fault"/> to the next <paramref name="times"/> requests of <paramref name="operation"/> ("*" for any).</summary>
    public void Fail(FakeFault fault, int times = 1, string operation = "*")
    {
        lock (_faults)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((operation, fault));
            }
        }
    }

    public int Count(string operation) => _requests.Count(r => r.OperationName == operation);

    public void ResetLog() => _requests.Clear();

    // ---- root fields, called by FakeLinearResolvers ----

    internal object? ResolveViewer(IResolveFieldContext context) => ((FakeLinearUser)context.UserContext["viewer"]!).ToNode();

    internal object ResolveUsers(IResolveFieldContext context)
    {
        var includeDisabled = Argument(context, "includeDisabled") is true;
        return Filtered(context, _users.Where(u => includeDisabled || u.Active).Select(u => u.ToNode()));
    }

    internal object ResolveTeams(IResolveFieldContext context) => Filtered(context, _teams.Select(t => t.ToNode()));

    /// <summary>Newest first by <c>orderBy</c> (createdAt by default), archived ones only when asked.</summary>
    internal object ResolveIssues(IResolveFieldContext context)
    {
        var includeArchived = Argument(context, "includeArchived") is true;
        var order = Argument(context, "orderBy")?.ToString() ?? "createdAt";
        var ordered = _issues
            .Where(i => includeArchived || i.ArchivedAt is null)
            .OrderByDescending(i => order == "updatedAt" ? i.EffectiveUpdatedAt : i.CreatedAt)
            .ThenByDescending(i => i.Id, StringComparer.Ordinal)
            .Select(i => i.ToNode());
        return Filtered(context, ordered);
    }

    /// <summary>By UUID or identifier; an unknown one is an error, not null, as on Linear.</summary>
    internal object ResolveIssue(IResolveFieldContext context)
    {
        var id = Argument(context, "id") as string ?? "";
        var issue = _issues.FirstOrDefault(i => i.Id == id || string.Equals(i.Identifier, id, StringComparison.OrdinalIgnoreCase));
        return issue?.ToNode() ?? throw FakeLinearError.EntityNotFound("Issue");
    }

    // ---- server ----

    private async Task HandleAsync(HttpContext context)
    {
        var (query, variables, operationName) = await ReadAsync(context);
        var request = new FakeLinearRequest(operationName, query ?? "", variables, context.Request.Headers.Authorization.ToString());
        _requests.Enqueue(request);
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, context.RequestAborted);
            }

            if (TakeFault(operationName) is { } fault)
            {
                if (fault.Stall is not { } stall)
                {
                    await fault.WriteAsync(context);
                    return;
                }

                await Task.Delay(stall, context.RequestAborted);
            }

            await AnswerAsync(context, request);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (attempt timeout or cancellation); nothing to answer.
        }
        finally
        {
            request.Status = context.Response.StatusCode;
        }
    }

    private async Task AnswerAsync(HttpContext context, FakeLinearRequest request)
    {
        // Personal API keys come bare; "Bearer" is for OAuth tokens, which the fake has none of.
        var viewer = _users.FirstOrDefault(u => u.ApiKey is not null && u.ApiKey == request.Authorization);
        if (viewer is null)
        {
            await ErrorsAsync(context, 401, "Authentication required, not authenticated", "AUTHENTICATION_ERROR", "authentication error", "You need to authenticate to access this operation.");
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Query))
        {
            await ErrorsAsync(context, 400, "Must provide query string.", "GRAPHQL_PARSE_FAILED", "graphql error");
            return;
        }

        var problems = await LinearSchema.ValidateAsync(request.Query, request.Variables, request.OperationName);
        if (problems.Count > 0)
        {
            await WriteAsync(context, 400, new Dictionary<string, object?>
            {
                ["errors"] = problems.Select(p => Error(p.Message, Locations(p), null, "GRAPHQL_VALIDATION_FAILED", "graphql error", null)).ToList(),
            });
            return;
        }

        var inputs = GraphQLJson.ToInputs(request.Variables);
        var complexity = LinearComplexity.Of(request.Query, inputs, request.OperationName);
        context.Response.Headers["X-Complexity"] = complexity.ToString(CultureInfo.InvariantCulture);
        if (complexity > LinearComplexity.Limit)
        {
            await ErrorsAsync(context, 400, $"Query too complex: complexity {complexity} is over the limit of {LinearComplexity.Limit}", "GRAPHQL_VALIDATION_FAILED", "graphql error");
            return;
        }

        var result = await Executer.ExecuteAsync(options =>
        {
            options.Schema = FakeLinearResolvers.Schema;
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = inputs;
            options.Root = this;
            options.UserContext = new Dictionary<string, object?> { ["viewer"] = viewer };
            options.ValidationRules = [];
            options.ThrowOnUnhandledException = false;
            options.CancellationToken = context.RequestAborted;
        });

        var body = new Dictionary<string, object?> { ["data"] = (result.Data as ExecutionNode)?.ToValue() };
        if (result.Errors is { Count: > 0 } errors)
        {
            body["errors"] = errors.Select(ErrorJson).ToList();
        }

        var answer = new FakeLinearAnswer(request, JsonSerializer.SerializeToNode(body));
        Answering?.Invoke(answer);
        await WriteAsync(context, result.Executed ? 200 : 400, answer.Body);
    }

    private static object ErrorJson(ExecutionError error)
    {
        var locations = error.Locations?.Select(l => new { line = l.Line, column = l.Column }).ToList();
        return error is FakeLinearError linear
            ? Error(linear.Message, locations, error.Path, linear.LinearCode, linear.LinearType, linear.UserPresentableMessage)
            : Error(error.InnerException is { } inner ? $"{error.Message} {inner.Message}" : error.Message, locations, error.Path, error.Code ?? "INTERNAL_SERVER_ERROR", "internal error", null);
    }

    private static object? Locations(GraphQLValidationProblem problem) =>
        problem.Line is { } line ? new[] { new { line, column = problem.Column } } : null;

    private static Dictionary<string, object?> Error(string message, object? locations, object? path, string code, string type, string? userPresentableMessage)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code, ["type"] = type, ["userError"] = type != "internal error" };
        if (userPresentableMessage is not null)
        {
            extensions["userPresentableMessage"] = userPresentableMessage;
        }

        var error = new Dictionary<string, object?> { ["message"] = message };
        if (locations is not null)
        {
            error["locations"] = locations;
        }

        if (path is not null)
        {
            error["path"] = path;
        }

        error["extensions"] = extensions;
        return error;
    }

    private static Task ErrorsAsync(HttpContext context, int status, string message, string code, string type, string? userPresentableMessage = null) =>
        WriteAsync(context, status, new Dictionary<string, object?> { ["errors"] = new[] { Error(message, null, null, code, type, userPresentableMessage) } });

    private static async Task WriteAsync(HttpContext context, int status, object? body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var headers = context.Response.Headers;
        headers["X-RateLimit-Requests-Limit"] = "5000";
        headers["X-RateLimit-Requests-Remaining"] = "4999";
        headers["X-RateLimit-Requests-Reset"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    private static async Task<(string? Query, JsonElement? Variables, string? OperationName)> ReadAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            JsonElement? variables = root.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object ? v.Clone() : null;
            return (Text("query"), variables, Text("operationName"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static Dictionary<string, object?> Filtered(IResolveFieldContext context, IEnumerable<Dictionary<string, object?>> nodes)
    {
        var filter = Argument(context, "filter") as IDictionary<string, object?>;
        return FakeLinearResolvers.Page([.. nodes.Where(n => FakeLinearFilter.Matches(n, filter))], context);
    }

    private static object? Argument(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;

    private FakeFault? TakeFault(string? operation)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Operation == "*" || f.Operation == operation);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private string NextId(string kind) => $"{kind}-{Interlocked.Increment(ref _nextId):D4}-0000-4000-8000-{Guid.NewGuid().ToString("N")[..12]}";
}
