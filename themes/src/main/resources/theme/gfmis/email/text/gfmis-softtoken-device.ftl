<#ftl output_format="plainText">
<#if kind == "Replaced">
${msg("gfmisSoftTokenReplacedBody", username, deviceName, at, previousDevice)}
<#elseif kind == "Revoked">
${msg("gfmisSoftTokenRevokedBody", username, deviceName, at, msg("gfmisSoftTokenRevokedBy" + channel))}
<#else>
${msg("gfmisSoftTokenEnrolledBody", username, deviceName, at)}
</#if>

${msg("gfmisSoftTokenNotYou")}
