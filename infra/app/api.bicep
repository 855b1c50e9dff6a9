// The Function App (isolated worker, .NET 10) on a Flex Consumption plan, running as a
// user-assigned identity. Every connection is identity-based: no keys or connection strings.
param name string
param planName string
param location string
param tags object = {}

@description('azd service name; azd deploys the api service to the site carrying this tag.')
param serviceName string = 'api'

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param identityId string
param identityClientId string

@description('Settings from main.bicep (Service Bus, Graph, writeback); merged over the host settings.')
param appSettings object = {}

@description('Automation key of the admin API: app setting AdminAuth__Keys (the worker checks it) and the host\'s default function key.')
@secure()
@minLength(16)
param adminAutomationKey string

@description('Flex Consumption instance size in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound of instances; the agent, not the cloud, is the bottleneck.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances kept warm for HTTP functions: Graph drops notification endpoints that answer slowly.')
@minValue(0)
param alwaysReadyHttpInstances int = 1

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances > 0 ? [
          {
            name: 'http'
            instanceCount: alwaysReadyHttpInstances
          }
        ] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // No authsettingsV2 (App Service Authentication): Flex Consumption does not support it, and with it enabled
  // unauthenticated callers are not blocked. The admin triggers are anonymous for the host; the worker is the gate:
  // an Entra ID token (AdminAuth__Entra__*) or an automation key (AdminAuth__Keys).

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, {
      // The host, the timers' locks and the Durable Task hub all use this connection.
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      Graph__NotificationUrl: 'https://${site.properties.defaultHostName}/api/graph/notifications'
      AdminAuth__Keys: adminAutomationKey
    })
  }
}

// The same key as the host's default function key: scripts that pass the default key keep working, and what the
// portal and `az functionapp keys list` show is the key the worker accepts.
// Bicep has no type definition for host keys (BCP081), so it cannot check the properties; ARM takes them as written.
#disable-next-line BCP081
resource automationFunctionKey 'Microsoft.Web/sites/host/functionKeys@2024-04-01' = {
  name: '${site.name}/default/default'
  properties: {
    name: 'default'
    value: adminAutomationKey
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
