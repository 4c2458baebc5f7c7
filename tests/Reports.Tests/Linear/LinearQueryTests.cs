using System.Text.Json;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using Reports.Fakes;
using Reports.Linear;
using Xunit.Abstractions;

namespace Reports.Tests.Linear;

/// <summary>Every operation the client sends, checked against Linear's published schema and its complexity limit.</summary>
public sealed class LinearQueryTests(ITestOutputHelper output)
{
    /// <summary>Variables of the shape the client sends for each operation.</summary>
    private static readonly Dictionary<string, object?> SampleVariables = new()
    {
        ["Viewer"] = new { },
        ["UsersByEmail"] = new { email = "Student@Example.com" },
        ["UsersByEmails"] = new
        {
            filter = new { or = new[] { new { email = new { eqIgnoreCase = "Student@Example.com" } }, new { email = new { eqIgnoreCase = "mate@example.com" } } } },
            after = (string?)null,
        },
        ["Teams"] = new { after = (string?)null },
        ["CandidateIssues"] = new { teamKeys = new[] { "SIRA" }, since = "2025-03-24T00:00:00.000Z", after = (string?)null },
        ["IssuesByNumber"] = new { teamKey = "SIRA", numbers = new[] { 125.0, 126.0 }, after = "issue-1" },
        ["IssueHistoryBatch"] = new { ids = new[] { "issue-1", "issue-2" } },
        ["IssueHistoryPage"] = new { id = "issue-1", after = "history-9" },
        ["LinkedIssues"] = new
        {
            filter = new
            {
                and = new object[]
                {
                    new { team = new { key = new { @in = new[] { "SIRA" } } } },
                    new
                    {
                        or = new object[]
                        {
                            new { team = new { key = new { eq = "SIRA" } }, number = new { @in = new[] { 125.0, 214.0 } } },
                            new { attachments = new { some = new { url = new { eqIgnoreCase = "https://gitlab.example.com/ppl/sira/-/merge_requests/5" } } } },
                        },
                    },
                },
            },
            after = (string?)null,
        },
    };

    public static TheoryData<string> Operations() => [.. LinearQueries.All.Select(o => o.Name)];

    [Fact]
    public void Every_embedded_query_file_is_an_operation_the_client_knows()
    {
        Assert.Equal(LinearQueries.EmbeddedNames.Order(StringComparer.Ordinal), LinearQueries.All.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(LinearQueries.All.Count, SampleVariables.Count);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_file_holds_one_operation_named_after_the_file(string name)
    {
        var document = Parser.Parse(Operation(name).Document);

        var operation = Assert.Single(document.Definitions.OfType<GraphQLOperationDefinition>());
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal(name, operation.Name?.StringValue);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_query_validates_against_Linears_schema(string name)
    {
        var problems = await LinearSchema.ValidateAsync(Operation(name).Document, Variables(name));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_connection_in_each_query_asks_for_first(string name)
    {
        var missing = Connections(Operation(name).Document).Where(c => !c.HasFirst).Select(c => c.Path).ToList();

        Assert.True(missing.Count == 0, $"connections without first: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_query_costs_less_than_Linears_complexity_limit(string name)
    {
        var cost = LinearComplexity.Of(Operation(name).Document);
        output.WriteLine($"{name}: {cost} points");

        Assert.True(cost < LinearComplexity.Limit, $"{name} costs {cost} points");
    }

    // ---- self-tests: the checks above catch what they claim to ----

    [Fact]
    public async Task The_validator_catches_an_unknown_field()
    {
        var problems = await LinearSchema.ValidateAsync("query Q { viewer { id shoeSize } }", Json(new { }));

        Assert.Contains(problems, p => p.Code == "FIELDS_ON_CORRECT_TYPE" && p.Message.Contains("shoeSize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validator_catches_an_identifier_filter_which_Linear_does_not_have()
    {
        var problems = await LinearSchema.ValidateAsync("""query Q { issues(first: 5, filter: { identifier: { eq: "SIRA-1" } }) { nodes { id } } }""", Json(new { }));

        Assert.NotEmpty(problems);
    }

    [Fact]
    public async Task The_validator_catches_an_argument_of_the_wrong_type()
    {
        var problems = await LinearSchema.ValidateAsync("""query Q { issues(first: "ten") { nodes { id } } }""", Json(new { }));

        Assert.Contains(problems, p => p.Code == "ARGUMENTS_OF_CORRECT_TYPE");
    }

    [Theory]
    [InlineData("query Q($n: [Int!]!) { issues(first: 5, filter: { number: { in: $n } }) { nodes { id } } }", """{"n":[1]}""")]
    [InlineData("query Q($since: DateTime!) { issues(first: 5, filter: { updatedAt: { gte: $since } }) { nodes { id } } }", """{"since":"2025-03-24T00:00:00Z"}""")]
    public async Task The_validator_catches_a_variable_declared_with_the_wrong_type(string query, string variables)
    {
        var problems = await LinearSchema.ValidateAsync(query, JsonDocument.Parse(variables).RootElement);

        Assert.Contains(problems, p => p.Code == "VARIABLES_IN_ALLOWED_POSITION");
    }

    [Fact]
    public async Task The_validator_catches_a_variable_that_is_used_but_not_declared()
    {
        var problems = await LinearSchema.ValidateAsync("query Q { issue(id: $id) { id } }", Json(new { id = "x" }));

        Assert.Contains(problems, p => p.Code == "NO_UNDEFINED_VARIABLES");
    }

    [Fact]
    public async Task The_validator_catches_a_required_variable_without_a_value()
    {
        var problems = await LinearSchema.ValidateAsync("query Q($id: String!) { issue(id: $id) { id } }", Json(new { }));

        Assert.Contains(problems, p => p.Message.Contains("$id", StringComparison.Ordinal));
    }

    [Fact]
    public void The_connection_check_finds_a_nested_connection_without_first()
    {
        var connections = Connections("query Q { issues(first: 10) { nodes { id history { nodes { id } } } } }");

        Assert.Contains(connections, c => c.Path == "issues.nodes.history" && !c.HasFirst);
        Assert.Contains(connections, c => c.Path == "issues" && c.HasFirst);
    }

    [Fact]
    public void History_of_50_inside_issues_of_50_is_over_the_complexity_limit()
    {
        var tooMany = LinearQueries.IssueHistoryBatch.Document.Replace("issues(first: 10,", "issues(first: 50,", StringComparison.Ordinal);
        Assert.NotEqual(LinearQueries.IssueHistoryBatch.Document, tooMany);

        var cost = LinearComplexity.Of(tooMany);
        output.WriteLine($"IssueHistoryBatch at 50 issues: {cost} points");

        Assert.True(cost > LinearComplexity.Limit, $"only {cost} points");
    }

    [Fact]
    public void Complexity_counts_objects_scalars_and_pages_as_Linear_documents()
    {
        // viewer: 1 + 2 scalars; teams: 1 + 20 x (nodes 1 + 1 scalar) ; a connection without first counts 50.
        Assert.Equal(1.2, LinearComplexity.Of("query Q { viewer { id name } }"), 1);
        Assert.Equal(1 + (20 * 1.1), LinearComplexity.Of("query Q { teams(first: 20) { nodes { key } } }"), 1);
        Assert.Equal(1 + (50 * 1.1), LinearComplexity.Of("query Q { teams { nodes { key } } }"), 1);
        Assert.Equal(1 + (7 * 1.1), LinearComplexity.Of("query Q($n: Int = 7) { teams(first: $n) { nodes { key } } }"), 1);
    }

    private static LinearOperation Operation(string name) => LinearQueries.All.Single(o => o.Name == name);

    private static JsonElement Variables(string name) => Json(SampleVariables[name]);

    private static JsonElement Json(object? value) => JsonSerializer.SerializeToElement(value);

    /// <summary>Every field of <paramref name="document"/> that is a connection in the schema, with its path and whether it sets <c>first</c>.</summary>
    private static List<(string Path, bool HasFirst)> Connections(string document)
    {
        var parsed = Parser.Parse(document);
        var fragments = parsed.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var found = new List<(string, bool)>();
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>().Single();
        Walk(operation.SelectionSet, LinearSchema.Instance.Query, "");
        return found;

        void Walk(GraphQLSelectionSet? set, GraphQL.Types.IGraphType type, string path)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLFragmentSpread spread:
                        var fragment = fragments[spread.FragmentName.Name.StringValue];
                        Walk(fragment.SelectionSet, LinearSchema.Instance.AllTypes[fragment.TypeCondition.Type.Name.StringValue]!, path);
                        break;
                    case GraphQLField field when type is GraphQL.Types.IComplexGraphType complex && complex.GetField(field.Name.StringValue) is { } definition:
                        var fieldPath = path.Length == 0 ? field.Name.StringValue : $"{path}.{field.Name.StringValue}";
                        if (definition.Arguments?.Find("first") is not null)
                        {
                            found.Add((fieldPath, field.Arguments?.Any(a => a.Name.StringValue == "first") == true));
                        }

                        Walk(field.SelectionSet, definition.ResolvedType!.GetNamedType(), fieldPath);
                        break;
                }
            }
        }
    }
}
