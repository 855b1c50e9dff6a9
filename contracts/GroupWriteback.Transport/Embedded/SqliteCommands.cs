using Microsoft.Data.Sqlite;

namespace GroupWriteback.Transport.Embedded;

/// <summary>Builds parameterised commands; every statement of the queue goes through here.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Sql(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.Sql(sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand Sql(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> RunAsync(this SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<long> ScalarAsync(this SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
        }
    }

    public static async Task<string?> TextAsync(this SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
    }
}
