// Test-wide environment: the AWS SDK's Node 20 end-of-support notice would repeat in every
// DynamoDB test file (the README tells admins about it once).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
