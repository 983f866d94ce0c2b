<#ftl output_format="plainText">
${msg("gfmisRegistrationOtpBody", otp, reference, expiresAt, lifetimeMinutes?c, userId)}

${msg("gfmisNotYou")}
