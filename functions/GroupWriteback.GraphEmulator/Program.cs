using GroupWriteback.GraphEmulator.Hosting;

await using var app = GraphEmulatorServer.Build(args);
await app.RunAsync();
