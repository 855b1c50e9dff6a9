namespace GroupWriteback.Contracts;

/// <summary>Where writeback permissions are granted.</summary>
public enum GrantScope
{
    /// <summary>Every domain root (sub-objects only), plus AdminSDHolder unless skipped.</summary>
    DomainRoots,

    /// <summary>One OU (this object and sub-objects).</summary>
    OrganizationalUnit,
}
