using GroupWriteback.LocalHost.Cli;

return await LocalHostCommandLine.Create().Parse(args).InvokeAsync();
