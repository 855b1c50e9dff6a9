using GroupWriteback.Agent.Cli;

return await AgentCommandLine.Create().Parse(args).InvokeAsync();
