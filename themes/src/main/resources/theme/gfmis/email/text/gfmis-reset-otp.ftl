<#ftl output_format="plainText">
${msg("gfmisResetOtpBody", otp, reference, expiresAt, lifetimeMinutes?c)}

${msg("gfmisNotYou")}
