using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Delta;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// <c>GET groups/delta</c> (and the SDK's spelling <c>groups/delta()</c>): initial rounds, tracking rounds from a
/// <c>$deltatoken</c>, <c>$deltatoken=latest</c>, paging through <c>$skiptoken</c>, and 410 Gone for tokens the
/// emulator no longer honours (expired, issued before a reset or <c>ExpireDeltaTokens</c>, or an unknown round), and
/// <c>Prefer: return=minimal</c> on tracking rounds (see <see cref="DeltaEntryBuilder"/>).
/// </summary>
internal static class DeltaEndpoints
{
    public static void MapDeltaEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/groups/delta", Read);
        routes.MapGet("/groups/delta()", Read);
    }

    private static IResult Read(HttpRequest request, EmulatedTenant tenant, DeltaRoundStore rounds, IOptions<GraphEmulatorOptions> options, GraphEmulatorControl control)
    {
        var query = DeltaRequest.From(request);
        var settings = options.Value;
        var now = tenant.Time.GetUtcNow();
        var generation = tenant.DeltaTokenGeneration;
        if (query.Select is not null)
        {
            GraphVersion.EnsureGroupSelectable(request, query.Select);
        }

        if (query.SkipToken is not null)
        {
            var skip = DeltaTokens.DecodeSkip(query.SkipToken) ?? throw BadToken();
            var round = rounds.Find(skip.RoundId);
            return skip.Generation != generation || round is null || skip.Page >= PageCount(round, settings)
                ? Gone(request, "resyncRequired", "The delta round is no longer available; restart with a full synchronization.", round?.Select)
                : Page(request, round, skip.Page, settings, rounds);
        }

        if (query.WantsLatest)
        {
            var latest = new DeltaRound(generation, [], tenant.CurrentSequence, Stored(query.Select ?? PropertySelection.Default), now);
            return Page(request, latest, 0, settings, rounds);
        }

        if (query.DeltaToken is null)
        {
            var select = query.Select ?? PropertySelection.Default;
            var source = tenant.CaptureDeltaSource(null);
            var initial = DeltaEntryBuilder.Initial(source, select, settings.DeltaMembersPerEntry);
            return Page(request, new DeltaRound(generation, initial, source.EndSequence, Stored(select), now), 0, settings, rounds);
        }

        var token = DeltaTokens.DecodeDelta(query.DeltaToken) ?? throw BadToken();
        if (token.Generation != generation)
        {
            return Gone(request, "resyncRequired", "The tenant's change tracking was reset; restart with a full synchronization.", token.Select);
        }

        if (now - token.IssuedAt > settings.DeltaTokenLifetime)
        {
            return GraphErrorResult.SyncStateNotFound();
        }

        var tracked = query.Select ?? PropertySelection.Parse(token.Select);
        var changes = tenant.CaptureDeltaSource(token.Sequence);
        var minimal = control.MinimalDeltaEntries || PrefersMinimal(request);
        var entries = DeltaEntryBuilder.Changes(changes, tracked, settings.DeltaMembersPerEntry, minimal);
        return Page(request, new DeltaRound(generation, entries, changes.EndSequence, Stored(tracked), now), 0, settings, rounds);
    }

    private static GraphJsonResult Page(HttpRequest request, DeltaRound round, int page, GraphEmulatorOptions settings, DeltaRoundStore rounds)
    {
        var value = new JsonArray([.. round.Entries.Skip(page * settings.DeltaPageSize).Take(settings.DeltaPageSize).Select(e => e.DeepClone())]);
        var body = new JsonObject { ["@odata.context"] = GraphLinks.Context(request, "groups") };
        if (page + 1 < PageCount(round, settings))
        {
            rounds.Add(round);
            body["@odata.nextLink"] = Link(request, "$skiptoken", DeltaTokens.Encode(new SkipToken(round.Generation, round.Id, page + 1)));
        }
        else
        {
            var token = new DeltaToken(round.Generation, round.EndSequence, round.IssuedAt, round.Select);
            body["@odata.deltaLink"] = Link(request, "$deltatoken", DeltaTokens.Encode(token));
        }

        body["value"] = value;
        return new GraphJsonResult(body);
    }

    /// <summary><c>Prefer: return=minimal</c>: only the changed properties of an updated group.</summary>
    private static bool PrefersMinimal(HttpRequest request) =>
        request.Headers["Prefer"].Any(v => v is not null && v.Split(',').Any(p => string.Equals(p.Trim(), "return=minimal", StringComparison.OrdinalIgnoreCase)));

    private static int PageCount(DeltaRound round, GraphEmulatorOptions settings) =>
        Math.Max(1, (round.Entries.Count + settings.DeltaPageSize - 1) / settings.DeltaPageSize);

    private static string Link(HttpRequest request, string option, string token) =>
        $"{GraphLinks.ServiceRoot(request)}/groups/delta?{option}={token}";

    /// <summary>The 410 Graph sends; <c>Location</c> is the initial request of a new round with the same selection.</summary>
    private static GraphErrorResult Gone(HttpRequest request, string code, string message, string? select)
    {
        var location = $"{GraphLinks.ServiceRoot(request)}/groups/delta";
        return GraphErrorResult.Gone(code, message, string.IsNullOrEmpty(select) ? location : $"{location}?$select={Uri.EscapeDataString(select)}");
    }

    private static string? Stored(PropertySelection select) => select.IsDefault ? null : select.ToQueryValue();

    private static InvalidRequestException BadToken() => new("Badly formed token.");
}
