using Reports.Cli;

return await EvidenceCommand.Create().Parse(args).InvokeAsync();
