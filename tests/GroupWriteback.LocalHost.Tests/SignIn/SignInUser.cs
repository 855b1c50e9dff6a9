namespace GroupWriteback.LocalHost.Tests.SignIn;

/// <summary>Who <see cref="TestOpenIdProvider"/> signs in: an Entra object id, a sign-in name and the app roles in its tokens.</summary>
public sealed record SignInUser(string ObjectId, string Name, IReadOnlyList<string> Roles);
