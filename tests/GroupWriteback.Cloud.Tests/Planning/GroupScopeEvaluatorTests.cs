using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using Microsoft.Extensions.Options;
using Moq;

namespace GroupWriteback.Cloud.Tests.Planning;

public sealed class GroupScopeEvaluatorTests
{
    private readonly Mock<IGraphGroupReader> _graph = new(MockBehavior.Strict);

    [Theory]
    [InlineData(ScopeMode.All, true, true, "all")]
    [InlineData(ScopeMode.All, false, true, "all")]
    [InlineData(ScopeMode.AllMicrosoft365, true, true, "allMicrosoft365")]
    [InlineData(ScopeMode.AllMicrosoft365, false, false, "notMicrosoft365")]
    [InlineData(ScopeMode.AllSecurity, false, true, "allSecurity")]
    [InlineData(ScopeMode.AllSecurity, true, false, "notSecurity")]
    public async Task EvaluateAsync_AllModes_DecideByKindWithoutGraph(ScopeMode mode, bool microsoft365, bool expectedIn, string reason)
    {
        // Arrange
        var group = microsoft365 ? Microsoft365() : Security();

        // Act
        var decision = await Evaluator(new() { Mode = mode }).EvaluateAsync(group, CancellationToken.None);

        // Assert
        Assert.Equal(new ScopeDecision(expectedIn, reason), decision);
    }

    [Fact]
    public async Task EvaluateAsync_SyncedFromActiveDirectory_IsNeverInScope()
    {
        // Arrange / Act
        var decision = await Evaluator(new()).EvaluateAsync(Security() with { OnPremisesSyncEnabled = true, WritebackEnabled = true }, CancellationToken.None);

        // Assert
        Assert.Equal(ScopeDecision.Out("syncedFromActiveDirectory"), decision);
    }

    [Fact]
    public async Task EvaluateAsync_MailEnabledSecurityGroup_IsOutOfScope()
    {
        // Arrange / Act
        var decision = await Evaluator(new()).EvaluateAsync(Security() with { MailEnabled = true }, CancellationToken.None);

        // Assert
        Assert.Equal(ScopeDecision.Out("notMicrosoft365OrSecurityGroup"), decision);
    }

    [Theory]
    [InlineData(false, ScopeMode.All, false)]
    [InlineData(true, ScopeMode.AllMicrosoft365, true)]
    public async Task EvaluateAsync_WritebackSetOnTheGroup_OverridesTheAllModes(bool enabled, ScopeMode mode, bool expectedIn)
    {
        // Arrange / Act
        var decision = await Evaluator(new() { Mode = mode }).EvaluateAsync(Security() with { WritebackEnabled = enabled }, CancellationToken.None);

        // Assert
        Assert.Equal(expectedIn, decision.InScope);
    }

    [Fact]
    public async Task EvaluateAsync_SelectedById_IsInScopeWithoutGraph()
    {
        // Arrange
        var options = new WritebackScopeOptions { Mode = ScopeMode.Selected, SelectedFilter = "startswith(displayName,'S')" };
        options.SelectedGroupIds.Add("G1");

        // Act
        var decision = await Evaluator(options).EvaluateAsync(Security(), CancellationToken.None);

        // Assert
        Assert.Equal(ScopeDecision.In("selectedById"), decision);
    }

    [Fact]
    public async Task EvaluateAsync_SelectedByFilter_AsksGraphForThisGroupOnly()
    {
        // Arrange
        var options = new WritebackScopeOptions { Mode = ScopeMode.Selected, SelectedFilter = "startswith(displayName,'S')" };
        _graph.Setup(g => g.ListGroupsPageAsync(It.Is<GroupQuery>(q => q.Filter == options.SelectedFilter && q.Ids!.SequenceEqual(new[] { "g1" })), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GroupPage { Groups = [Security()] });

        // Act
        var decision = await Evaluator(options).EvaluateAsync(Security(), CancellationToken.None);

        // Assert
        Assert.Equal(ScopeDecision.In("selectedByFilter"), decision);
    }

    [Fact]
    public async Task EvaluateAsync_ListedByTheSelectionFilter_MatchesWithoutAskingAgain()
    {
        // Arrange
        var options = new WritebackScopeOptions { Mode = ScopeMode.Selected, SelectedFilter = "startswith(displayName,'S')" };
        var evaluator = Evaluator(options);

        // Act
        var decision = await evaluator.EvaluateAsync(Security(), evaluator.ListingQuery(), CancellationToken.None);

        // Assert
        Assert.Equal(ScopeDecision.In("selectedByFilter"), decision);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task EvaluateAsync_ScopingGroup_UsesTransitiveMembership(bool member, bool expectedIn)
    {
        // Arrange
        var options = new WritebackScopeOptions { Mode = ScopeMode.Selected, ScopingGroupId = "scope" };
        _graph.Setup(g => g.IsTransitiveMemberAsync("g1", "scope", It.IsAny<CancellationToken>())).ReturnsAsync(member);

        // Act
        var decision = await Evaluator(options).EvaluateAsync(Security() with { WritebackEnabled = true }, CancellationToken.None);

        // Assert
        Assert.Equal(expectedIn ? ScopeDecision.In("memberOfScopingGroup") : ScopeDecision.Out("notSelected"), decision);
    }

    [Fact]
    public void ListingQuery_SelectionModes_ListOnlyWhatTheSelectionCanInclude()
    {
        // Arrange
        var byIds = new WritebackScopeOptions { Mode = ScopeMode.Selected };
        byIds.SelectedGroupIds.Add("g1");
        var byFilter = new WritebackScopeOptions { Mode = ScopeMode.Selected, SelectedFilter = "x" };
        var byGroup = new WritebackScopeOptions { Mode = ScopeMode.Selected, ScopingGroupId = "scope" };

        // Act
        var queries = new[] { byIds, byFilter, byGroup, new WritebackScopeOptions { Mode = ScopeMode.AllMicrosoft365 } }
            .Select(o => Evaluator(o).ListingQuery()).ToList();

        // Assert
        Assert.Equal(["g1"], queries[0].Ids!);
        Assert.Equal(("x", null), (queries[1].Filter, queries[1].Ids));
        Assert.All(queries.Skip(2), q => Assert.Equal((null, null), (q.Filter, q.Ids)));
    }

    private static CloudGroup Security() => new() { Id = "g1", DisplayName = "Sales", SecurityEnabled = true };

    private static CloudGroup Microsoft365() => new() { Id = "g1", DisplayName = "Sales", IsMicrosoft365 = true, MailEnabled = true };

    private GroupScopeEvaluator Evaluator(WritebackScopeOptions options) => new(_graph.Object, Options.Create(options));
}
