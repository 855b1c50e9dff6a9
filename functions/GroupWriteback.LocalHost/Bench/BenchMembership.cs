namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// Which of a pool's users each full-sync group has as members: <c>members</c> consecutive users, group <c>i</c>
/// starting at user <c>i × members</c> (wrapping round the pool). The pool is large enough that no user is in more than
/// <see cref="GroupsPerUser"/> groups, as in a real tenant: when every group had the same few users, each user's
/// <c>memberOf</c> back-links grew to thousands, and every add and delete of a group rewrote those lists on the DC.
/// </summary>
internal static class BenchMembership
{
    public const int GroupsPerUser = 100;

    /// <summary>How many users a full sync of <paramref name="groups"/> × <paramref name="members"/> draws from.</summary>
    public static int PoolSize(int groups, int members) =>
        (int)Math.Max(members, ((long)groups * members + GroupsPerUser - 1) / GroupsPerUser);

    /// <summary>The pool indexes of group <paramref name="group"/>'s members: distinct while <paramref name="members"/> ≤ <paramref name="pool"/>.</summary>
    public static IEnumerable<int> Of(int group, int members, int pool) =>
        Enumerable.Range(0, members).Select(k => (int)((((long)group * members) + k) % pool));
}
