namespace GroupWriteback.Cloud.Api;

/// <summary>The error envelope every endpoint uses.</summary>
public sealed record ErrorBody(ErrorDetail Error);

/// <summary>One error: a stable code, a message for people, and the input or resource it is about.</summary>
public sealed record ErrorDetail(string Code, string Message, string? Target);
