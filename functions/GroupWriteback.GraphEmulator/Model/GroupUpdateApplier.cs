namespace GroupWriteback.GraphEmulator.Model;

/// <summary>Applies a <see cref="GroupUpdate"/> and reports which Graph properties really changed.</summary>
internal static class GroupUpdateApplier
{
    public static EmulatedGroup Apply(EmulatedGroup current, GroupUpdate update, List<string> changed)
    {
        var next = current with
        {
            DisplayName = update.DisplayName ?? current.DisplayName,
            Description = update.Description ?? current.Description,
            Mail = update.Mail ?? current.Mail,
            MailNickname = update.MailNickname ?? current.MailNickname,
            MailEnabled = update.MailEnabled ?? current.MailEnabled,
            SecurityEnabled = update.SecurityEnabled ?? current.SecurityEnabled,
            ProxyAddresses = update.ProxyAddresses ?? current.ProxyAddresses,
            Visibility = update.Visibility ?? current.Visibility,
            WritebackConfiguration = update.WritebackConfiguration ?? current.WritebackConfiguration,
        };

        Track(changed, "displayName", current.DisplayName, next.DisplayName);
        Track(changed, "description", current.Description, next.Description);
        Track(changed, "mail", current.Mail, next.Mail);
        Track(changed, "mailNickname", current.MailNickname, next.MailNickname);
        Track(changed, "mailEnabled", current.MailEnabled, next.MailEnabled);
        Track(changed, "securityEnabled", current.SecurityEnabled, next.SecurityEnabled);
        Track(changed, "visibility", current.Visibility, next.Visibility);
        Track(changed, "writebackConfiguration", current.WritebackConfiguration, next.WritebackConfiguration);
        if (!current.ProxyAddresses.SequenceEqual(next.ProxyAddresses, StringComparer.Ordinal))
        {
            changed.Add("proxyAddresses");
        }

        return next;
    }

    private static void Track<T>(List<string> changed, string name, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            changed.Add(name);
        }
    }
}
