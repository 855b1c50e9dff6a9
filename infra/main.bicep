// GroupWriteback in Azure: the Functions app (cloud half), its storage and Durable Task hub,
// the Service Bus queues the on-premises agent talks through, monitoring and every role
// assignment. Deployed by `azd up` (see README.md).
targetScope = 'subscription'

@minValue(1)
@maxValue(3650)
@description('Days an audit entry is kept before the hourly prune deletes it.')
param auditRetentionDays int = 90

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; defaults to rg-<environmentName>.')
param resourceGroupName string = ''

@description('Optional: a developer\'s user principal id (azd sets AZURE_PRINCIPAL_ID) granted data access for debugging.')
param principalId string = ''

@description('Principal id of the on-premises agent: the service principal of its certificate-based app registration, or the Arc machine\'s managed identity. Empty creates a user-assigned identity for an agent hosted on an Azure VM.')
param agentPrincipalId string = ''

@minLength(3)
@description('Distinguished name of the OU where written-back groups are created, e.g. OU=Cloud Groups,DC=corp,DC=test.')
param defaultTargetOu string

@secure()
@minLength(32)
@description('Secret echoed by Graph in every change notification (clientState). azd generates and keeps it.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
param graphClientState string

// No default: azd asks for the scope, and nothing is written back until one is chosen. Selected needs at least one
// of the three selectors below; the Function App refuses to start without one (Writeback:Mode validation).
@allowed([
  'Selected'
  'AllMicrosoft365'
  'AllSecurity'
  'All'
])
@description('Which cloud groups are written back (Writeback:Mode). Selected writes only the groups the selectors below pick; All* write every group of that kind.')
param writebackMode string

@description('Selected mode: object ids of the groups to write back (Writeback:SelectedGroupIds).')
param writebackSelectedGroupIds array = []

@description('Selected mode: a Graph $filter on groups, e.g. startswith(displayName,\'Sales\') (Writeback:SelectedFilter).')
param writebackSelectedFilter string = ''

@description('Selected mode: object id of a group whose members (transitively) are written back (Writeback:ScopingGroupId).')
param writebackScopingGroupId string = ''

@description('Application (client) id of the admin API app registration (scripts/create-admin-app.sh). Empty: no Entra sign-in, the automation key only.')
param adminApiClientId string = ''

@description('Automation key of the admin API (AdminAuth:Keys, and the host\'s default function key): what scripts pass in x-functions-key or ?code=. azd generates it once and keeps it.')
@secure()
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
param adminAutomationKey string

@description('App roles of callers with only the automation key (AdminAuth:KeyRoles): comma-separated, or none.')
param adminKeyRoles string = 'Writeback.Read,Writeback.Operate,Writeback.Approve'

@description('Instances kept warm for HTTP functions (the Graph webhook must answer within seconds).')
@minValue(0)
param alwaysReadyHttpInstances int = 1

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-gw-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var createAgentIdentity = empty(agentPrincipalId)

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module apiIdentity 'app/identity.bicep' = {
  name: 'api-identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module agentIdentity 'app/identity.bicep' = if (createAgentIdentity) {
  name: 'agent-identity'
  scope: rg
  params: {
    name: 'id-agent-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: 'sb-gw-${resourceToken}'
    location: location
    tags: tags
  }
}

var agentPrincipal = createAgentIdentity ? agentIdentity!.outputs.principalId : agentPrincipalId

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    commandsQueueName: serviceBus.outputs.commandsQueueName
    resultsQueueName: serviceBus.outputs.resultsQueueName
    apiPrincipalId: apiIdentity.outputs.principalId
    agentPrincipalId: agentPrincipal
    userPrincipalId: principalId
  }
}

var selectedGroupSettings = toObject(
  range(0, length(writebackSelectedGroupIds)),
  i => 'Writeback__SelectedGroupIds__${i}',
  i => string(writebackSelectedGroupIds[i])
)

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityId: apiIdentity.outputs.resourceId
    identityClientId: apiIdentity.outputs.clientId
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    adminAutomationKey: adminAutomationKey
    // One app setting per selected group id (Writeback__SelectedGroupIds__0, __1, ...) joins the fixed ones.
    appSettings: union(selectedGroupSettings, {
      ServiceBus__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      ServiceBus__credential: 'managedidentity'
      ServiceBus__clientId: apiIdentity.outputs.clientId
      ServiceBus__CommandsQueue: serviceBus.outputs.commandsQueueName
      ServiceBus__ResultsQueue: serviceBus.outputs.resultsQueueName
      // Graph is called as the app's managed identity; its application permissions are granted
      // once by a tenant administrator (README.md, scripts/grant-graph-permissions.sh).
      Graph__TenantId: tenant().tenantId
      Graph__ClientId: apiIdentity.outputs.clientId
      Graph__ClientState: graphClientState
      Writeback__DefaultTargetOu: defaultTargetOu
      Writeback__Mode: writebackMode
      Writeback__SelectedFilter: writebackSelectedFilter
      Writeback__ScopingGroupId: writebackScopingGroupId
      // Admin API sign-in: Entra ID access tokens validated in the worker (App Service Authentication does not run on
      // Flex Consumption; docs/admin-sign-in.md). Both empty turns Entra sign-in off. The automation key
      // (AdminAuth__Keys) is set in app/api.bicep, with the host's default function key of the same value.
      AdminAuth__Entra__TenantId: empty(adminApiClientId) ? '' : tenant().tenantId
      AdminAuth__Entra__ClientId: adminApiClientId
      AdminAuth__KeyName: 'automation (function key)'
      AdminAuth__KeyRoles: adminKeyRoles
      // The audit trail (GET /api/audit, the console) in the storage account's table, as the app's identity.
      Audit__TableServiceUri: storage.outputs.tableEndpoint
      Audit__TableName: storage.outputs.auditTableName
      Audit__ClientId: apiIdentity.outputs.clientId
      Audit__RetentionDays: string(auditRetentionDays)
    })
  }
  // The host reads storage and the deployment container as the identity from its first start.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_FUNCTION_NAME string = api.outputs.name

output SERVICE_API_URI string = 'https://${api.outputs.defaultHostName}'
output API_IDENTITY_PRINCIPAL_ID string = apiIdentity.outputs.principalId
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AGENT_IDENTITY_PRINCIPAL_ID string = agentPrincipal
output AGENT_IDENTITY_CLIENT_ID string = createAgentIdentity ? agentIdentity!.outputs.clientId : ''
